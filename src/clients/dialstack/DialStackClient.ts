import type { ClientWith } from '../../client-kit/ClientWith.js'

/**
 * A `CallClient` for DialStack. `hangup` is always there and always resolves `not_supported`:
 * DialStack has no hang-up, the person hangs up on their phone.
 */
export type DialStackClient = ClientWith<'hangup' | 'snapshot'>

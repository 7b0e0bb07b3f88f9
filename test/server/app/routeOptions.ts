import type { DialStackHandlerOptions } from '../../../src/server/index.js'

/**
 * What a test sets before it imports the route module afresh: the options an app would write
 * in its route file (the key and the account come from the environment, as in an app).
 */
export const routeOptions: { current: Partial<DialStackHandlerOptions> } = { current: {} }

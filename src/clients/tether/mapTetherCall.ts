import { CallError } from '../../core/CallError.js'
import type { CallOutcome, InteractionEventInit, LiveCallStatus } from '../../core/CallEvent.js'
import type { TetherCall } from './TetherCall.js'

/**
 * Where a raw `Call.status` goes in the normalized lifecycle: a live state, `failed`, or
 * `ended:<outcome>`, e.g. `{ voicemail: 'ended:voicemail', queued: 'dialing' }`.
 */
export type TetherStatusTarget = Exclude<LiveCallStatus, 'initiating' | 'deferred'> | 'failed' | `ended:${CallOutcome}`

/** Raw `Call.status` → normalized target. Statuses missing from the map pass through as `updated`. */
export type TetherStatusMap = Readonly<Record<string, TetherStatusTarget>>

/**
 * PROVIDERS.md E, column B. `ringing` and `canceled` are not documented values (B.6): they are
 * mapped in case they exist, since a wrong guess costs nothing.
 */
export const DEFAULT_TETHER_STATUS_MAP: TetherStatusMap = Object.freeze({
  initiated: 'dialing',
  ringing: 'ringing',
  'in-progress': 'connected',
  completed: 'ended:completed',
  'no-answer': 'ended:no-answer',
  busy: 'ended:busy',
  failed: 'failed',
  canceled: 'ended:canceled',
})

/** One Call document as a normalized event, and the time the provider says it happened. */
export interface MappedTetherCall {
  event: InteractionEventInit
  /** Epoch ms from the document's own times; `undefined` when it carries none. */
  at: number | undefined
  /** The status was in the map; `false` means it passes through as `updated`. */
  known: boolean
  terminal: boolean
}

function time(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value !== 'string' || value === '') return undefined
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? undefined : parsed
}

/** The first of the document's time fields that parses. */
function firstTime(call: TetherCall, keys: readonly (keyof TetherCall)[]): number | undefined {
  for (const key of keys) {
    const value = time(call[key])
    if (value !== undefined) return value
  }
  return undefined
}

/**
 * Maps a Call document onto the normalized lifecycle. `at` comes from the field that dates the
 * state (`answerTime` for connected, `endTime` for a terminal state), then `updatedAt`.
 */
export function mapTetherCall(call: TetherCall, statusMap: TetherStatusMap = DEFAULT_TETHER_STATUS_MAP): MappedTetherCall {
  const rawState = typeof call.status === 'string' ? call.status : 'unknown'
  const target = Object.hasOwn(statusMap, rawState) ? statusMap[rawState] : undefined
  const meta: Pick<InteractionEventInit, 'rawState' | 'direction' | 'phoneNumber' | 'providerCallId'> = { rawState }
  if (call.direction === 'inbound' || call.direction === 'outbound') meta.direction = call.direction
  if (typeof call.to === 'string' && call.to !== '') meta.phoneNumber = call.to
  if (typeof call.providerCallId === 'string' && call.providerCallId !== call.callId) meta.providerCallId = call.providerCallId

  if (target === undefined) {
    return { event: { type: 'updated', ...meta }, at: firstTime(call, ['updatedAt']), known: false, terminal: false }
  }
  if (target === 'failed') {
    const error = new CallError('provider_error', `The call could not be completed (Tether reported “${rawState}”).`, {
      provider: { provider: 'tether', code: rawState, name: rawState },
    })
    return {
      event: { type: 'failed', error: error.toJSON(), ...meta },
      at: firstTime(call, ['endTime', 'updatedAt']),
      known: true,
      terminal: true,
    }
  }
  if (target.startsWith('ended:')) {
    return {
      event: { type: 'ended', outcome: target.slice('ended:'.length) as CallOutcome, ...meta },
      at: firstTime(call, ['endTime', 'updatedAt']),
      known: true,
      terminal: true,
    }
  }
  const status = target as Exclude<TetherStatusTarget, 'failed' | `ended:${string}`>
  const keys: readonly (keyof TetherCall)[] =
    status === 'dialing' ? ['startTime', 'createdAt', 'updatedAt'] : status === 'connected' ? ['answerTime', 'updatedAt'] : ['updatedAt']
  return { event: { type: 'status', status, ...meta }, at: firstTime(call, keys), known: true, terminal: false }
}

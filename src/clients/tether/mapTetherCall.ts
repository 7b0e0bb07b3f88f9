import type { CallOutcome, InteractionEventInit, LiveCallStatus } from '../../core/CallEvent.js'
import { isText, tetherError } from './tetherError.js'
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

/**
 * The time fields that date each kind of state, tried in order before `updatedAt`: `answerTime`
 * for connected, `endTime` for a terminal state.
 */
const TIME_FIELDS: Readonly<Record<string, string>> = {
  dialing: 'startTime createdAt ',
  connected: 'answerTime ',
  ended: 'endTime ',
  failed: 'endTime ',
}

/** Epoch ms of the first of the document's (space-separated) time fields that parses. */
function firstTime(call: TetherCall, fields: string): number | undefined {
  for (const field of fields.split(' ')) {
    const value = call[field]
    // Epoch ms, or an ISO 8601 string (`Date.parse` gives NaN for anything else).
    const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN
    if (Number.isFinite(ms)) return ms
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
  // `dialing` → ['dialing'], `ended:busy` → ['ended', 'busy'], unmapped → [].
  const [kind, outcome] = target?.split(':') ?? []
  const event: Record<string, unknown> = { rawState }
  if (call.direction === 'inbound' || call.direction === 'outbound') event.direction = call.direction
  if (isText(call.to)) event.phoneNumber = call.to
  if (typeof call.providerCallId === 'string' && call.providerCallId !== call.callId) event.providerCallId = call.providerCallId

  const terminal = kind === 'ended' || kind === 'failed'
  event.type = terminal ? kind : kind ? 'status' : 'updated'
  if (kind === 'ended') event.outcome = outcome
  else if (kind === 'failed') {
    event.error = tetherError('provider_error', `The call could not be completed (Tether reported “${rawState}”).`, {
      code: rawState,
      name: rawState,
    }).toJSON()
  } else if (kind) event.status = kind
  return {
    event: event as InteractionEventInit,
    at: firstTime(call, `${TIME_FIELDS[kind ?? ''] ?? ''}updatedAt`),
    known: kind !== undefined,
    terminal,
  }
}

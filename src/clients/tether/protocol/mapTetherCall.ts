import { isText } from '../../../client-kit/text.js'
import type { CallOutcome, InteractionEventInit, LiveCallStatus } from '../../../core/CallEvent.js'
import { tetherErrors } from './tetherErrors.js'
import type { TetherCall } from './TetherCall.js'

/**
 * Where a raw `Call.status` goes in the normalized lifecycle: a live state, `failed`, or
 * `ended:<outcome>`, e.g. `{ voicemail: 'ended:voicemail', queued: 'dialing' }`.
 */
export type TetherStatusTarget =
  Exclude<LiveCallStatus, 'initiating' | 'deferred'> | 'failed' | `ended:${CallOutcome}`

/** Raw `Call.status` → normalized target. Statuses missing from the map pass through as `updated`. */
export type TetherStatusMap = Readonly<Record<string, TetherStatusTarget>>

/**
 * The documented values (`initiated`, `in-progress`, `completed`, `no-answer`, `busy`, `failed`),
 * and `queued` and `ringing`, which Twilio's status callback passes through
 * (https://docs.tetherai.ca/api-reference/webhooks/handle-twilio-call-status-updates). `canceled`
 * is on no Tether page: it is mapped in case it exists, since a wrong guess costs nothing.
 */
export const DEFAULT_TETHER_STATUS_MAP: TetherStatusMap = Object.freeze({
  initiated: 'dialing',
  queued: 'dialing',
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
 * The time fields that date each kind of state, tried in order before `updatedAt`: `startTime`
 * then `createdAt` for dialing, `answerTime` for connected, `endTime` for a terminal state.
 */
const TIME_FIELDS: Readonly<Record<string, readonly string[]>> = {
  dialing: ['startTime', 'createdAt'],
  connected: ['answerTime'],
  ended: ['endTime'],
  failed: ['endTime'],
}

/** Epoch ms of the first of the document's time fields that parses, `updatedAt` last. */
function firstTime(call: TetherCall, fields: readonly string[] = []): number | undefined {
  for (const field of [...fields, 'updatedAt']) {
    const value = call[field]
    // Epoch ms, or an ISO 8601 string (`Date.parse` gives NaN for anything else).
    const ms =
      typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN
    if (Number.isFinite(ms)) return ms
  }
  return undefined
}

/**
 * Maps a Call document onto the normalized lifecycle. `at` comes from the field that dates the
 * state (`startTime` or `createdAt` for dialing, `answerTime` for connected, `endTime` for a
 * terminal state), then `updatedAt`.
 */
export function mapTetherCall(
  call: TetherCall,
  statusMap: TetherStatusMap = DEFAULT_TETHER_STATUS_MAP,
): MappedTetherCall {
  const rawState = typeof call.status === 'string' ? call.status : 'unknown'
  const target = Object.hasOwn(statusMap, rawState) ? statusMap[rawState] : undefined
  // `dialing` → ['dialing'], `ended:busy` → ['ended', 'busy'], unmapped → [].
  const [kind, outcome] = target?.split(':') ?? []
  const meta: Pick<
    InteractionEventInit,
    'rawState' | 'direction' | 'phoneNumber' | 'providerCallId'
  > = { rawState }
  if (call.direction === 'inbound' || call.direction === 'outbound') meta.direction = call.direction
  if (isText(call.to)) meta.phoneNumber = call.to
  if (typeof call.providerCallId === 'string' && call.providerCallId !== call.callId)
    meta.providerCallId = call.providerCallId

  let event: InteractionEventInit
  if (kind === 'ended') event = { type: 'ended', outcome: outcome as CallOutcome, ...meta }
  else if (kind === 'failed') {
    const error = tetherErrors.error(
      'provider_error',
      `The call could not be completed (Tether reported “${rawState}”).`,
      { code: rawState, name: rawState },
    )
    event = { type: 'failed', error: error.toJSON(), ...meta }
  } else if (kind) event = { type: 'status', status: kind as LiveCallStatus, ...meta }
  else event = { type: 'updated', ...meta }
  return {
    event,
    at: firstTime(call, TIME_FIELDS[kind ?? '']),
    known: kind !== undefined,
    terminal: kind === 'ended' || kind === 'failed',
  }
}

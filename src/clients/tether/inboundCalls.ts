import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import type { ClientLogger } from '../../client-kit/logger.js'
import { parseDialString } from '../../core/parseDialString.js'
import type { ControlResult } from '../../core/CallClient.js'
import type { CallError } from '../../core/CallError.js'
import type { InteractionEventInit } from '../../core/CallEvent.js'
import { failure, success } from '../../core/result.js'
import type { OperationResult } from '../../core/types.js'
import type { CallFollower, TetherTracked } from './followCall.js'
import type { TetherInboundBody } from './protocol/TetherCall.js'
import { tetherErrors } from './protocol/tetherErrors.js'
import type { TetherApi } from './tetherApi.js'

/** What the app's voice SDK says about a call that rings the agent's browser. */
export interface TetherIncomingCall {
  /** The caller's number, E.164 (Twilio `call.parameters.From`, Sinch `call.remoteUserId`). */
  from: string
  /** Twilio's Call SID of the inbound leg, to help Tether find the record. */
  twilioCallSid?: string
  /** Twilio's conference room binding the agent leg to the caller's. */
  conferenceId?: string
}

/** Inbound calls, fed by the app's voice SDK: Tether's API only records them. */
export interface TetherInbound {
  /**
   * Tells the client a call rings the agent (call it from Twilio `device.on('incoming')` or Sinch
   * `onIncomingCall`). Records it with `POST /api/calls/sdk/inbound` (unless `recordInbound` is
   * `false`) and resolves with its id, which `answer`, `decline` and your callbacks then use.
   */
  incoming(call: TetherIncomingCall): Promise<OperationResult<{ id: string }, CallError>>
  /**
   * The ringing call stopped before an answer: the caller hung up or it rang out (Twilio
   * `call.on('cancel')`, Sinch `onCallEnded` before `onCallAnswered`). It ends `missed`.
   */
  endIncoming(interactionId: string): void
  answer(interactionId: string): Promise<ControlResult>
  decline(interactionId: string): Promise<ControlResult>
}

interface InboundTracked extends TetherTracked {
  inbound?: TetherIncomingCall
}

/** Options of `tetherInboundCalls`: the voice SDK's answer and reject, and how Tether records. */
export interface TetherInboundOptions {
  /**
   * Accepts a ringing inbound call with your voice SDK (Twilio `call.accept()`, Sinch
   * `call.answer()`); the id is the one `incoming()` resolved. Without it `capabilities.answer` is
   * `false` and `answer()` resolves `not_supported`.
   * @default undefined
   */
  answer?: (callId: string) => unknown
  /**
   * Rejects a ringing inbound call with your voice SDK (Twilio `call.reject()`, Sinch
   * `call.hangup()`). Without it `capabilities.decline` is `false`.
   * @default undefined
   */
  decline?: (callId: string) => unknown
  /**
   * Record inbound calls with `POST /api/calls/sdk/inbound`. Set `false` on Twilio, where
   * Tether's inbound webhook already records the call.
   * @default true
   */
  recordInbound?: boolean
  /**
   * The path, under `/api/calls/`, that rejects an inbound call: Tether documents the request but
   * its public excerpt does not name the path.
   * @default 'sdk/reject'
   */
  rejectPath?: string
}

/** What the client hands its inbound calls. */
export interface InboundCallsParts {
  api: TetherApi
  calls: CallRegistry<TetherTracked>
  follower: CallFollower
  log: ClientLogger
  report(call: TetherTracked, init: InteractionEventInit): void
  isDisposed(): boolean
}

/** The inbound calls of a Tether client: `createTetherClient({ inbound: tetherInboundCalls() })`. */
export interface TetherInboundCalls {
  /** Whether `answer` and `decline` are there: the client's `capabilities` say so. */
  readonly answer: boolean
  readonly decline: boolean
  /** Builds the inbound calls of one client. */
  create(parts: InboundCallsParts): TetherInbound
}

/** Where a reject is sent: the public excerpt does not name the path. */
export const DEFAULT_TETHER_REJECT_PATH = 'sdk/reject'

/**
 * Inbound calls through the app's voice SDK, recorded in Tether. Its own export, so that an app
 * whose agents take no calls in the browser pays nothing for it. Answer: the SDK accepts, then
 * `POST /api/calls/sdk/answer` marks the record `in-progress`
 * (https://docs.tetherai.ca/api-reference/calls/mark-an-inbound-conference-call-as-answered).
 * Decline: the SDK rejects, then the reject request sets the record to `no-answer`
 * (https://docs.tetherai.ca/api-reference/calls/reject-an-inbound-conference-call); the call ends
 * `declined`. Tether's answer is best effort ("returns success even when no record is found"), so
 * its failure is logged and never undoes what the voice SDK did.
 *
 * @example
 * createTetherClient({
 *   baseUrl,
 *   getToken,
 *   inbound: tetherInboundCalls({ answer: (id) => ringing.get(id)?.accept() }),
 * })
 */
export function tetherInboundCalls(sdk: TetherInboundOptions = {}): TetherInboundCalls {
  return {
    answer: typeof sdk.answer === 'function',
    decline: typeof sdk.decline === 'function',
    create: (parts) => createInboundCalls(sdk, parts),
  }
}

let localIds = 0

function createInboundCalls(sdk: TetherInboundOptions, parts: InboundCallsParts): TetherInbound {
  const { api, calls, follower, log, report } = parts
  const rejectPath = sdk.rejectPath ?? DEFAULT_TETHER_REJECT_PATH

  const bodyOf = (call: InboundTracked): TetherInboundBody => ({
    callId: call.id,
    ...(call.inbound?.from && { callerNumber: call.inbound.from }),
    ...(call.inbound?.conferenceId && { conferenceId: call.inbound.conferenceId }),
    ...(call.inbound?.twilioCallSid && { twilioCallSid: call.inbound.twilioCallSid }),
  })

  /** Tells Tether; a refusal is logged: the voice SDK already did what the agent asked. */
  async function tell(path: string, call: InboundTracked) {
    try {
      await api.inboundUpdate(path, bodyOf(call))
    } catch (error) {
      log.warn(`Tether did not record ${path} for call ${call.id}.`, error)
    }
  }

  /** Runs the voice SDK's callback for a ringing inbound call, then tells Tether. */
  async function act(
    id: string,
    name: 'answer' | 'decline',
    action: string,
    after: (call: InboundTracked) => Promise<void>,
  ): Promise<ControlResult> {
    const callback = sdk[name]
    if (!callback) return failure(tetherErrors.notSupported(action))
    const call = calls.get(id) as InboundTracked | undefined
    if (!call?.inbound)
      return failure(tetherErrors.error('not_found', `There is no inbound call ${id}.`))
    if (call.ended)
      return failure(tetherErrors.error('invalid_state', 'This call has already ended.'))
    try {
      await callback(id)
    } catch (error) {
      return failure(
        tetherErrors.fromThrown(error, `Could not ${action}. Use your phone instead.`, {
          name,
          appendThrown: true,
        }),
      )
    }
    await after(call)
    return success(null)
  }

  return {
    async incoming(incoming) {
      if (parts.isDisposed()) return failure(tetherErrors.aborted())
      const parsed = parseDialString(incoming.from ?? '')
      // A withheld number still rings: it is recorded without one and shows as unknown.
      const from =
        parsed.ok && parsed.dialString.kind === 'e164' ? parsed.dialString.value : undefined
      let id = `tether-in-${Date.now().toString(36)}-${++localIds}`
      if (sdk.recordInbound !== false && from) {
        try {
          id = (await api.inbound({ callerNumber: from })).callId
        } catch (error) {
          // The call rings whatever Tether says: the agent can still answer it.
          log.warn('Tether did not record the inbound call; it rings unrecorded.', error)
        }
      }
      const call: InboundTracked = calls.add({
        id,
        at: 0,
        ended: false,
        fields: { direction: 'inbound', ...(from && { phoneNumber: from }) },
      })
      call.inbound = { ...incoming, ...(from && { from }) }
      report(call, { type: 'status', status: 'ringing' })
      return success({ id })
    },
    endIncoming(id) {
      const call = calls.get(id) as InboundTracked | undefined
      if (!call?.inbound || call.ended) return
      report(call, { type: 'ended', outcome: 'missed' })
    },
    answer: (id) =>
      act(id, 'answer', 'answer the call', async (call) => {
        report(call, { type: 'status', status: 'connected' })
        await tell('sdk/answer', call)
        // From now on Tether's record follows the call, as for a call placed here.
        if (!call.ended) follower.follow(call)
      }),
    decline: (id) =>
      act(id, 'decline', 'decline the call', async (call) => {
        report(call, { type: 'ended', outcome: 'declined' })
        await tell(rejectPath, call)
      }),
  }
}

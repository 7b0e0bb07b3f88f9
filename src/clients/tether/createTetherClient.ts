import { quoteInput } from '../../core/quoteInput.js'
import { checkStart } from '../../client-kit/checkStart.js'
import { createCallRegistry } from '../../client-kit/createCallRegistry.js'
import { createEventHub } from '../../client-kit/createEventHub.js'
import { linkSignals } from '../../client-kit/linkSignals.js'
import { createClientLogger } from '../../client-kit/logger.js'
import { documentVisibility } from '../../client-kit/pageVisibility.js'
import { NO_CAPABILITIES, type StartCallResult } from '../../core/CallClient.js'
import type { CallEvent, InteractionEventInit } from '../../core/CallEvent.js'
import { failure, success } from '../../core/result.js'
import { createCallFollower, type TetherTracked } from './followCall.js'
import { resolveTetherOptions, type TetherClientOptions } from './options.js'
import { DEFAULT_TETHER_STATUS_MAP, mapTetherCall } from './protocol/mapTetherCall.js'
import type { TetherCall } from './protocol/TetherCall.js'
import { createTetherErrorReader, PROVIDER, tetherErrors } from './protocol/tetherErrors.js'
import { createRecordAndDial } from './recordAndDial.js'
import { createTetherApi } from './tetherApi.js'
import type { TetherInbound } from './inboundCalls.js'
import type { TetherClient } from './TetherClient.js'
import { createVoiceControls } from './voiceControls.js'

/**
 * A `CallClient` for Tether (https://docs.tetherai.ca): records the call with
 * `POST /api/calls/sdk/initiate`, lets your voice SDK (Sinch, Twilio) place the audio leg through
 * `placeCall`, and follows the record by polling `GET /api/calls/{callId}` (or your own socket
 * through `events`) until it ends. Authenticates with the signed-in user's JWT.
 *
 * @example
 * const client = createTetherClient({
 *   baseUrl: 'https://tether.example.com',
 *   getToken: ({ refresh }) => (refresh ? session.refresh() : session.token),
 *   placeCall: ({ phoneNumber }) => sinchClient.callClient.callPhoneNumber(phoneNumber),
 *   hangup: (callId) => sinchCalls.get(callId)?.hangup(),
 *   contactIdField: 'customFields.tetherContactId',
 * })
 * <CallProvider client={client}>…</CallProvider>
 */
export function createTetherClient(options: TetherClientOptions): TetherClient {
  const { poll, timeoutMs, dialFirst, insecure } = resolveTetherOptions(options)
  const log = createClientLogger(PROVIDER, options.logger)
  if (insecure) log.warn('baseUrl is plain http: the user’s JWT travels unencrypted. Use https.')
  const api = createTetherApi({
    baseUrl: options.baseUrl,
    getToken: options.getToken,
    fetch: options.fetch,
    timeoutMs,
    readError: options.readError ?? createTetherErrorReader(log),
  })
  const statusMap = { ...DEFAULT_TETHER_STATUS_MAP, ...options.statusMap }
  const hub = createEventHub<CallEvent>(log)
  const calls = createCallRegistry<TetherTracked>({ historyLimit: options.historyLimit })
  /** Aborts the pending starts on dispose. */
  const lifetime = new AbortController()
  let disposed = false

  /** Records and emits one event of `call`, with its number and record. */
  function report(call: TetherTracked, init: InteractionEventInit, at?: number) {
    // A call that rang here stays inbound: Tether's documented answers to inbound requests say
    // `direction: "outbound"`.
    const direction = call.fields.direction === 'inbound' && { direction: 'inbound' as const }
    const event = calls.record(
      call,
      { ...call.fields, ...init, ...direction } as InteractionEventInit,
      at,
    )
    if (event) hub.emit(event)
  }

  /** Applies one Call document; true once the call reached a final state (it is then unfollowed). */
  function apply(call: TetherTracked, doc: TetherCall): boolean {
    if (call.ended) return true
    const mapped = mapTetherCall(doc, statusMap)
    const { rawState } = mapped.event
    if (rawState === call.rawState) return false
    if (!mapped.known)
      log.debug(
        `call ${call.id}: status “${rawState}” is not in the status map; the state is kept.`,
      )
    call.rawState = rawState
    report(call, mapped.event, mapped.at)
    if (mapped.terminal) follower.stop(call)
    return mapped.terminal
  }

  const follower = createCallFollower({
    api,
    poll,
    visibility:
      options.visibility === null ? undefined : (options.visibility ?? documentVisibility()),
    events: options.events,
    log,
    apply,
    // Nothing is left live for ever: after the longest follow, the call ends with an unknown outcome.
    expire: (call) => report(call, { type: 'ended', outcome: 'unknown' }),
    report: (event) => {
      if (!disposed) hub.emit(event)
    },
  })
  const recordAndDial = createRecordAndDial({
    api,
    log,
    dialFirst,
    placeCall: options.placeCall,
    contactId: options.contactId,
    contactIdField: options.contactIdField,
  })
  const controls = createVoiceControls({ sdk: options, calls, hub, follower })
  const inbound: TetherInbound = options.inbound?.create({
    api,
    calls,
    follower,
    log,
    report,
    isDisposed: () => disposed,
  }) ?? {
    // Nothing rings here without the inbound option, so there is nothing to end or answer.
    incoming: async () =>
      failure(
        tetherErrors.error(
          'not_supported',
          'This Tether client takes no incoming calls: pass `inbound: tetherInboundCalls()` to createTetherClient.',
        ),
      ),
    endIncoming() {},
    answer: async () => failure(tetherErrors.notSupported('answer the call')),
    decline: async () => failure(tetherErrors.notSupported('decline the call')),
  }

  async function startCall(
    phoneNumber: string,
    initialObject?: unknown,
    startOptions?: unknown,
  ): Promise<StartCallResult> {
    const checked = checkStart(
      { phoneNumber, initialObject, options: startOptions },
      { errors: tetherErrors, disposed },
    )
    if (!checked.ok) return checked.result
    const { dialString, associatedObject } = checked
    if (dialString.kind !== 'e164') {
      return failure(
        'invalid_number',
        `Tether dials full international numbers only (+ and the country code, e.g. +14165550199): extensions and short numbers like “${quoteInput(dialString.input.trim())}” can't be dialed here.`,
      )
    }
    const { signal, unlink } = linkSignals([lifetime.signal, checked.signal])
    try {
      const doc = await recordAndDial({ phoneNumber: dialString.value, associatedObject, signal })
      if (disposed) return failure(tetherErrors.aborted())
      const fields = {
        phoneNumber: dialString.value,
        ...(associatedObject && { associatedObject }),
      }
      const call = calls.add({ id: doc.callId, at: 0, ended: false, fields })
      if (!apply(call, doc)) follower.follow(call)
      return success({ id: call.id })
    } catch (error) {
      return failure(
        signal.aborted
          ? tetherErrors.aborted(error)
          : tetherErrors.fromThrown(error, 'Tether could not record the call. Try again.'),
      )
    } finally {
      unlink()
    }
  }

  return {
    name: PROVIDER,
    capabilities: {
      ...NO_CAPABILITIES,
      hangup: typeof options.hangup === 'function',
      hold: typeof options.hold === 'function',
      mute: typeof options.mute === 'function',
      dtmf: typeof options.sendDtmf === 'function',
      answer: options.inbound?.answer ?? false,
      decline: options.inbound?.decline ?? false,
    },
    startCall,
    subscribe: hub.subscribe,
    ...controls,
    ...inbound,
    snapshot: async () => calls.snapshot(),
    dispose() {
      if (disposed) return
      disposed = true
      lifetime.abort()
      for (const call of calls.all()) follower.stop(call)
      hub.clear()
    },
  }
}

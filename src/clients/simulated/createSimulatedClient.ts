import { CallError, type CallErrorCode } from '../../core/CallError.js'
import {
  ALL_CAPABILITIES,
  type CallCapabilities,
  type CallClient,
  type CallerId,
  type ControlResult,
  type Disposition,
  type StartCallOptions,
  type WrapUpResult,
} from '../../core/CallClient.js'
import {
  isTerminalStatus,
  type CallEvent,
  type CallOutcome,
  type CallStatus,
  type InteractionEvent,
  type InteractionEventInit,
  type LiveCallStatus,
} from '../../core/CallEvent.js'
import { parseDialString } from '../../core/parseDialString.js'
import { failure, success } from '../../core/result.js'
import type { InteractionAssociatedObject } from '../../core/types.js'
import { validateAssociatedObject } from '../../core/validateAssociatedObject.js'
import { checkCallerId } from './checkCallerId.js'

/** How a simulated call goes once it rings. `timeout` fails the start like Bright Pattern's `"Timeout error"`. */
export type SimulatedOutcome = 'answered' | 'busy' | 'no-answer' | 'failed' | 'timeout'

/** Milliseconds between the steps of a simulated call. */
export interface SimulatedDelays {
  /** `startCall` resolving. Default 300. */
  start: number
  /** dialing → ringing. Default 1000. */
  ringing: number
  /** ringing → connected (or busy, failed). Default 2000. */
  answer: number
  /** ringing → ended with `no-answer`. Default 6000. */
  noAnswer: number
}

export interface SimulatedClientOptions {
  /** Default `'answered'`. */
  outcome?: SimulatedOutcome
  delays?: Partial<SimulatedDelays>
  /** Ends a connected call by itself after this long. Default: stays connected until hung up. */
  callDurationMs?: number
  /**
   * Answer starts with `{ id: null }` and let the dialpad take the number, like Bright Pattern's
   * Deferred Dial. A start for the number deferred last dials it (the person pressed Call).
   */
  deferredDial?: boolean
  /**
   * Ended calls the simulator remembers (for `calls()`, snapshots and stream restores); older
   * ones are forgotten so a long soak holds constant memory. Default 50.
   */
  keepEnded?: number
  /** Turn capabilities off to show a provider that lacks them: those controls then resolve `not_supported`. */
  capabilities?: Partial<CallCapabilities>
  /**
   * Keeps the agent in after-call work when a call ends (`ended` with `afterCallWork`), until
   * `completeWrapUp`, like a contact-center provider. Default `false`.
   */
  afterCallWork?: boolean
  /**
   * The numbers the person may call from, returned by `listCallerIds` (capability `callerId`); a
   * start from any other number is refused. Default: none (no choice, the method is absent).
   */
  callerIds?: CallerId[]
  /** The provider's own dispositions, returned by `listDispositions`. Default: none (the method is absent). */
  dispositions?: Disposition[]
}

/** A call as the simulator holds it. */
export interface SimulatedCall {
  id: string
  phoneNumber: string
  associatedObject?: InteractionAssociatedObject
  /** The caller ID the call comes from, when the start chose one. */
  from?: string
  status: CallStatus
  muted: boolean
  /** DTMF digits sent so far. */
  dtmf: string
  /** The wrap-up the agent completed (`afterCallWork` only). */
  wrapUp?: WrapUpResult
}

/** One `startCall` that reached the simulator (valid input only). */
export interface SimulatedRequest {
  phoneNumber: string
  initialObject?: InteractionAssociatedObject
  /** The caller ID asked for. */
  from?: string
}

/** Drives simulated calls by hand, for stories and tests. */
export interface SimulatedControl {
  /** The last 1,000 starts that reached the simulator, oldest first (bounded like the calls). */
  readonly requests: readonly SimulatedRequest[]
  /** The simulator's calls, oldest first. */
  calls(): SimulatedCall[]
  /** Changes options for the next calls (the outcome toolbar of the CRM example). */
  setOptions(
    options: Partial<Pick<SimulatedClientOptions, 'outcome' | 'deferredDial' | 'callDurationMs'>>,
  ): void
  /** Moves a call to its next state now: dialing → ringing → its outcome → ended. */
  advance(id: string): void
  /** Ends a call now with this outcome. */
  end(id: string, outcome?: CallOutcome): void
  /** Fails a call now. */
  fail(id: string, message?: string): void
  /** Makes the next start fail with this error, before any call exists. */
  failNextStart(code: CallErrorCode, message?: string): void
  /** Drops the event stream: events are lost until `restoreStream`. */
  dropStream(): void
  /** Restores the stream and resyncs every call from a snapshot, so no final state is lost. */
  restoreStream(): void
  /** Sends the last event of a call again. */
  emitDuplicate(id: string): void
  /** Sends an older event (an earlier state, an older time) for a call. */
  emitStale(id: string, status?: LiveCallStatus): void
}

/** The simulated client: every control is there (no `!` where a story or test calls one), plus `control`. */
export interface SimulatedClient extends CallClient {
  readonly control: SimulatedControl
  hangup(interactionId: string): Promise<ControlResult>
  hold(interactionId: string): Promise<ControlResult>
  resume(interactionId: string): Promise<ControlResult>
  mute(interactionId: string, muted: boolean): Promise<ControlResult>
  sendDtmf(interactionId: string, digits: string): Promise<ControlResult>
  updateAssociatedObject(
    interactionId: string,
    object: InteractionAssociatedObject,
  ): Promise<ControlResult>
  snapshot(): Promise<CallEvent[]>
  completeWrapUp(interactionId: string, result: WrapUpResult): Promise<ControlResult>
}

const MAX_REQUESTS = 1_000

const DEFAULT_DELAYS: SimulatedDelays = { start: 300, ringing: 1000, answer: 2000, noAnswer: 6000 }

interface CallRecord extends SimulatedCall {
  seq: number
  timer?: ReturnType<typeof setTimeout>
  endTimer?: ReturnType<typeof setTimeout>
  last?: InteractionEvent
}

/**
 * An in-memory telephony provider driven by timers: the default client for Storybook, tests and
 * demos, and the reference implementation of `CallClient`. Deterministic under fake timers.
 *
 * @example
 * const client = createSimulatedClient({ outcome: 'busy' })
 * <CallProvider client={client}>…</CallProvider>
 */
export function createSimulatedClient(options: SimulatedClientOptions = {}): SimulatedClient {
  let settings = { ...options }
  const delays: SimulatedDelays = { ...DEFAULT_DELAYS, ...options.delays }
  const capabilities: CallCapabilities = {
    ...ALL_CAPABILITIES,
    ...(options.afterCallWork && { afterCallWork: true }),
    ...(options.callerIds && { callerId: true }),
    ...options.capabilities,
  }
  const listeners = new Set<(event: CallEvent) => void>()
  const calls = new Map<string, CallRecord>()
  const ended: string[] = []
  const keepEnded = options.keepEnded ?? 50
  const requests: SimulatedRequest[] = []
  let nextId = 1
  let streamUp = true
  let disposed = false
  let nextStartError: CallError | undefined
  // The number the last deferred start left on the dialpad: starting it again dials it.
  let deferredNumber: string | undefined
  // Starts waiting out their delay; dispose cuts them short so no call appears afterwards.
  const pendingStarts = new Set<AbortController>()

  const deliver = (event: CallEvent) => {
    for (const listener of [...listeners]) listener(event)
  }

  function emit(call: CallRecord, event: InteractionEventInit) {
    call.seq += 1
    const full = {
      ...event,
      interactionId: call.id,
      at: Date.now(),
      seq: call.seq,
      phoneNumber: call.phoneNumber,
      ...(call.associatedObject && { associatedObject: call.associatedObject }),
      ...(call.from && { from: call.from }),
    } as InteractionEvent
    call.last = full
    if (streamUp) deliver(full)
  }

  function clearTimers(call: CallRecord) {
    clearTimeout(call.timer)
    clearTimeout(call.endTimer)
  }

  function setStatus(call: CallRecord, status: LiveCallStatus) {
    call.status = status
    emit(call, { type: 'status', status, rawState: status })
  }

  /** Moves a call to a terminal state, then forgets the oldest ended calls past `keepEnded`. */
  function finish(call: CallRecord, event: InteractionEventInit & { type: 'ended' | 'failed' }) {
    if (isTerminalStatus(call.status)) return
    clearTimers(call)
    call.status = event.type
    emit(call, event)
    ended.push(call.id)
    while (ended.length > keepEnded) calls.delete(ended.shift()!)
  }

  const end = (call: CallRecord, outcome: CallOutcome) =>
    finish(call, {
      type: 'ended',
      outcome,
      rawState: outcome,
      ...(capabilities.afterCallWork && { afterCallWork: true }),
    })

  function fail(call: CallRecord, message = 'The carrier rejected the call.') {
    const error = new CallError('provider_error', message, {
      provider: { provider: 'simulated', name: 'call_failed' },
    })
    finish(call, { type: 'failed', error: error.toJSON(), rawState: 'failed' })
  }

  function connect(call: CallRecord) {
    setStatus(call, 'connected')
    if (settings.callDurationMs !== undefined) {
      call.endTimer = setTimeout(() => end(call, 'completed'), settings.callDurationMs)
    }
  }

  /** What ringing leads to, by the outcome the call was started with. */
  function answerStep(call: CallRecord, outcome: SimulatedOutcome): [number, () => void] {
    switch (outcome) {
      case 'busy':
        return [delays.answer, () => end(call, 'busy')]
      case 'no-answer':
        return [delays.noAnswer, () => end(call, 'no-answer')]
      case 'failed':
        return [delays.answer, () => fail(call)]
      default:
        return [delays.answer, () => connect(call)]
    }
  }

  function schedule(call: CallRecord, outcome: SimulatedOutcome) {
    call.timer = setTimeout(() => {
      setStatus(call, 'ringing')
      const [delay, next] = answerStep(call, outcome)
      call.timer = setTimeout(next, delay)
    }, delays.ringing)
  }

  function find(id: string): CallRecord | undefined {
    return calls.get(id)
  }

  async function control(
    id: string,
    capability: keyof CallCapabilities,
    allowed: readonly CallStatus[],
    action: (call: CallRecord) => void,
  ): Promise<ControlResult> {
    // A capability turned off behaves like a provider that lacks it, not one that ignores it.
    if (!capabilities[capability])
      return failure('not_supported', 'The simulated phone system cannot do this.')
    const call = find(id)
    if (!call) return failure('not_found', `There is no call ${id}.`)
    if (!allowed.includes(call.status)) {
      return failure('invalid_state', `This can't be done while the call is ${call.status}.`)
    }
    action(call)
    return success(null)
  }

  const wait = (ms: number, signals: readonly (AbortSignal | undefined)[]) =>
    new Promise<void>((resolve, reject) => {
      const aborted = signals.find((signal) => signal?.aborted)
      if (aborted) return reject(aborted.reason)
      const timer = setTimeout(resolve, ms)
      for (const signal of signals) {
        signal?.addEventListener(
          'abort',
          () => {
            clearTimeout(timer)
            reject(signal.reason)
          },
          { once: true },
        )
      }
    })

  const client: SimulatedClient = {
    name: 'simulated',
    capabilities,

    async startCall(
      phoneNumber: string,
      initialObject?: InteractionAssociatedObject,
      startOptions: StartCallOptions = {},
    ) {
      if (disposed) return failure('not_ready', 'The simulated client was disposed.')
      const parsed = parseDialString(phoneNumber, { policy: { unnormalizedLocal: 'pass' } })
      if (!parsed.ok) return failure(parsed.error)
      if (initialObject !== undefined) {
        const checked = validateAssociatedObject(initialObject)
        if (!checked.ok) return failure(checked.error)
      }
      const refused = checkCallerId(options.callerIds, startOptions.from)
      if (refused) return failure(refused)
      const { from } = startOptions
      requests.push({
        phoneNumber: parsed.dialString.value,
        ...(initialObject && { initialObject }),
        ...(from && { from }),
      })
      if (requests.length > MAX_REQUESTS) requests.shift()
      const stop = new AbortController()
      pendingStarts.add(stop)
      try {
        await wait(delays.start, [startOptions.signal, stop.signal])
      } catch {
        return disposed
          ? failure('not_ready', 'The simulated client was disposed.')
          : failure('aborted', 'The call was cancelled before it started.')
      } finally {
        pendingStarts.delete(stop)
      }
      if (nextStartError) {
        const error = nextStartError
        nextStartError = undefined
        return failure(error)
      }
      const outcome = settings.outcome ?? 'answered'
      if (outcome === 'timeout') return success({ id: null, error: 'Timeout error' })
      if (settings.deferredDial && deferredNumber !== parsed.dialString.value) {
        deferredNumber = parsed.dialString.value
        return success({ id: null })
      }
      deferredNumber = undefined

      const call: CallRecord = {
        id: `sim-${nextId++}`,
        phoneNumber: parsed.dialString.value,
        status: 'dialing',
        muted: false,
        dtmf: '',
        seq: 0,
        ...(initialObject && { associatedObject: initialObject }),
        ...(from && { from }),
      }
      calls.set(call.id, call)
      emit(call, { type: 'status', status: 'dialing', rawState: 'dialing', direction: 'outbound' })
      schedule(call, outcome)
      return success({ id: call.id })
    },

    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    hangup: (id) =>
      control(id, 'hangup', ['dialing', 'ringing', 'connected', 'held'], (call) =>
        end(call, call.status === 'connected' || call.status === 'held' ? 'completed' : 'canceled'),
      ),
    hold: (id) => control(id, 'hold', ['connected'], (call) => setStatus(call, 'held')),
    resume: (id) => control(id, 'hold', ['held'], (call) => setStatus(call, 'connected')),
    mute: (id, muted) =>
      control(id, 'mute', ['connected', 'held'], (call) => {
        call.muted = muted
        emit(call, { type: 'updated', muted })
      }),
    async sendDtmf(id, digits) {
      if (!capabilities.dtmf)
        return failure('not_supported', 'The simulated phone system cannot send tones.')
      if (!/^[0-9*#]+$/.test(digits))
        return failure('invalid_argument', `“${digits}” is not a DTMF tone: use 0-9, * and #.`)
      return control(id, 'dtmf', ['connected'], (call) => {
        call.dtmf += digits
      })
    },
    async updateAssociatedObject(id, object) {
      const checked = validateAssociatedObject(object)
      if (!checked.ok) return failure(checked.error)
      return control(
        id,
        'updateAssociatedObject',
        ['dialing', 'ringing', 'connected', 'held'],
        (call) => {
          call.associatedObject = object
          emit(call, { type: 'updated' })
        },
      )
    },

    async completeWrapUp(id, result) {
      if (!capabilities.afterCallWork)
        return failure('not_supported', 'The simulated phone system has no after-call work.')
      const call = find(id)
      if (!call) return failure('not_found', `There is no call ${id}.`)
      if (!isTerminalStatus(call.status))
        return failure('invalid_state', 'The call is still live: hang up first.')
      if (call.wrapUp) return success(null)
      call.wrapUp = { ...result }
      // A resync still replays how the call ended; `completed` is news, not a state to restore.
      const ended = call.last
      emit(call, { type: 'completed', rawState: 'completed' })
      call.last = ended
      return success(null)
    },

    ...(options.dispositions && {
      listDispositions: async () => success([...options.dispositions!]),
    }),

    ...(options.callerIds && {
      listCallerIds: async () => options.callerIds!.map((callerId) => ({ ...callerId })),
    }),

    async snapshot() {
      // Each call leads with its state: an update alone (a mute) creates no call in the store.
      return [...calls.values()].flatMap(({ last, status }) =>
        !last
          ? []
          : last.type === 'updated' && !isTerminalStatus(status)
            ? [{ ...last, type: 'status' as const, status }, last]
            : [last],
      )
    },

    dispose() {
      disposed = true
      for (const stop of pendingStarts) stop.abort()
      for (const call of calls.values()) clearTimers(call)
      listeners.clear()
    },

    control: {
      get requests() {
        return requests
      },
      calls: () =>
        [...calls.values()].map(
          ({ id, phoneNumber, associatedObject, status, muted, dtmf, wrapUp }) => ({
            id,
            phoneNumber,
            status,
            muted,
            dtmf,
            ...(associatedObject && { associatedObject }),
            ...(wrapUp && { wrapUp }),
          }),
        ),
      setOptions(next) {
        settings = { ...settings, ...next }
      },
      advance(id) {
        const call = find(id)
        if (!call || isTerminalStatus(call.status)) return
        clearTimeout(call.timer)
        if (call.status === 'dialing') {
          setStatus(call, 'ringing')
          const [delay, next] = answerStep(call, settings.outcome ?? 'answered')
          call.timer = setTimeout(next, delay)
        } else if (call.status === 'ringing') {
          answerStep(call, settings.outcome ?? 'answered')[1]()
        } else {
          end(call, 'completed')
        }
      },
      end(id, outcome = 'completed') {
        const call = find(id)
        if (call) end(call, outcome)
      },
      fail(id, message) {
        const call = find(id)
        if (call) fail(call, message)
      },
      failNextStart(code, message = 'The phone system refused the call.') {
        nextStartError = new CallError(code, message, { provider: { provider: 'simulated' } })
      },
      dropStream() {
        if (!streamUp) return
        deliver({ type: 'connection', status: 'reconnecting' })
        streamUp = false
      },
      restoreStream() {
        if (streamUp) return
        streamUp = true
        deliver({ type: 'connection', status: 'open' })
        for (const call of calls.values()) if (call.last) deliver(call.last)
      },
      emitDuplicate(id) {
        const last = find(id)?.last
        if (last && streamUp) deliver(last)
      },
      emitStale(id, status = 'dialing') {
        const call = find(id)
        if (!call?.last || !streamUp) return
        deliver({
          type: 'status',
          status,
          interactionId: id,
          at: call.last.at - 1,
          seq: Math.max(0, call.seq - 1),
          rawState: status,
        })
      },
    },
  }
  return client
}

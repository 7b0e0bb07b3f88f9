import type { CallRegistry, TrackedCall } from '../../client-kit/createCallRegistry.js'
import {
  isTerminalStatus,
  type CallOutcome,
  type InteractionEvent,
  type InteractionEventInit,
  type LiveCallStatus,
} from '../../core/CallEvent.js'
import type { SimulatedDelays, SimulatedOutcome, SimulatedSettings } from './options.js'
import type { SimulatedCall } from './SimulatedClient.js'
import { simulatedErrors } from './simulatedErrors.js'
import type { SimulatedStream } from './simulatedStream.js'

/** A scripted step of a call: what its timer does when it fires. */
export type ScriptStep = 'ring' | 'connect' | 'pickup' | 'busy' | 'no-answer' | 'missed' | 'fail'

/** A simulated call with what the timeline needs to drive it. */
export interface SimulatedTracked extends TrackedCall, Omit<SimulatedCall, 'id'> {
  /** The simulator numbers its events, like a provider with sequence numbers. */
  seq: number
  /**
   * The call's next scripted step and when it is due (ms since the epoch), with the outcome the
   * call was placed with. Plain data, kept with the stored calls, so a simulator that adopts the
   * call goes on with its script.
   */
  next?: { step: ScriptStep; at: number; outcome?: SimulatedOutcome }
  /** When a connected call with `callDurationMs` ends by itself (ms since the epoch). */
  endsAt?: number
  /** The next scripted step (ringing, the answer, the outcome). */
  timer?: ReturnType<typeof setTimeout>
  /** The end of a call with `callDurationMs`. */
  endTimer?: ReturnType<typeof setTimeout>
  /** The last event of the call's state, for `emitDuplicate`. */
  last?: InteractionEvent
}

/** The scripted course of every simulated call: dialing → ringing → the outcome, on timers. */
export interface CallTimeline {
  /** Tracks a new call, reports it dialing and schedules the rest of its script. */
  dial(
    call: Pick<SimulatedCall, 'id' | 'phoneNumber' | 'associatedObject' | 'from'>,
    outcome: SimulatedOutcome,
  ): SimulatedTracked
  /** Reports a change of a live call (an `updated` event, a new status). */
  report(call: SimulatedTracked, init: InteractionEventInit): void
  /** Reports news after the end (`completed`) that a resync does not replay. */
  note(call: SimulatedTracked, init: InteractionEventInit): void
  setStatus(call: SimulatedTracked, status: LiveCallStatus): void
  /** Moves the call to its next step now: dialing → ringing → its outcome → ended. */
  advance(call: SimulatedTracked): void
  end(call: SimulatedTracked, outcome: CallOutcome): void
  fail(call: SimulatedTracked, message?: string): void
  /** Stops the call's timers (on `dispose`); its script stays, for a simulator that adopts it. */
  stop(call: SimulatedTracked): void
  /** Drops the call's next scripted step: a person or a test moved it on. */
  unscript(call: SimulatedTracked): void
  /** Schedules a scripted step at its due time (`next.at`), or at once if it is past. */
  schedule(call: SimulatedTracked, step: ScriptStep, at: number, outcome?: SimulatedOutcome): void
  /** Goes on with the script of a call adopted from another simulator, where it left off. */
  resume(call: SimulatedTracked): void
}

export interface CallTimelineOptions {
  calls: CallRegistry<SimulatedTracked>
  stream: SimulatedStream
  delays: SimulatedDelays
  /** Read at each step: `control.setOptions` changes them while calls run. */
  settings: SimulatedSettings
  /** Ended calls wait for `completeWrapUp` (`ended` with `afterCallWork`). */
  afterCallWork: boolean
}

export function createCallTimeline({
  calls,
  stream,
  delays,
  settings,
  afterCallWork,
}: CallTimelineOptions): CallTimeline {
  /** `init` with the call's number and record, as every event of the simulator carries them. */
  const withCall = (call: SimulatedTracked, init: InteractionEventInit): InteractionEventInit => ({
    ...init,
    phoneNumber: call.phoneNumber,
    // Every event says it, so a resync that replays only the last one restores an inbound call.
    ...(call.direction && { direction: call.direction }),
    ...(call.associatedObject && { associatedObject: call.associatedObject }),
    ...(call.from && { from: call.from }),
  })

  /** The next sequence number on `event`: the simulator numbers its events, like some providers. */
  function numbered(call: SimulatedTracked, event: InteractionEvent): InteractionEvent {
    call.seq += 1
    return { ...event, seq: call.seq }
  }

  function report(call: SimulatedTracked, init: InteractionEventInit) {
    const recorded = calls.record(call, withCall(call, init))
    if (!recorded) return
    call.last = numbered(call, recorded)
    stream.deliver(call.last)
  }

  function stop(call: SimulatedTracked) {
    clearTimeout(call.timer)
    clearTimeout(call.endTimer)
  }

  function setStatus(call: SimulatedTracked, status: LiveCallStatus) {
    call.status = status
    report(call, { type: 'status', status, rawState: status })
  }

  function unscript(call: SimulatedTracked) {
    clearTimeout(call.timer)
    call.next = undefined
  }

  function finish(
    call: SimulatedTracked,
    init: InteractionEventInit & { type: 'ended' | 'failed' },
  ) {
    if (isTerminalStatus(call.status)) return
    stop(call)
    call.next = undefined
    call.endsAt = undefined
    call.status = init.type
    report(call, init)
  }

  const end = (call: SimulatedTracked, outcome: CallOutcome) =>
    finish(call, {
      type: 'ended',
      outcome,
      rawState: outcome,
      ...(afterCallWork && { afterCallWork: true }),
    })

  function fail(call: SimulatedTracked, message = 'The carrier rejected the call.') {
    const error = simulatedErrors.error('provider_error', message, { name: 'call_failed' })
    finish(call, { type: 'failed', error: error.toJSON(), rawState: 'failed' })
  }

  function endAt(call: SimulatedTracked, at: number) {
    call.endsAt = at
    call.endTimer = setTimeout(() => end(call, 'completed'), Math.max(0, at - Date.now()))
  }

  function connect(call: SimulatedTracked) {
    // Scheduled before the event, so the calls stored after it say when the call ends.
    if (settings.callDurationMs !== undefined) endAt(call, Date.now() + settings.callDurationMs)
    setStatus(call, 'connected')
  }

  function run(call: SimulatedTracked, step: ScriptStep, outcome: SimulatedOutcome) {
    switch (step) {
      case 'ring':
        return ring(call, outcome)
      case 'connect':
        return connect(call)
      case 'pickup':
        return setStatus(call, 'connected')
      case 'fail':
        return fail(call)
      default:
        return end(call, step)
    }
  }

  function schedule(
    call: SimulatedTracked,
    step: ScriptStep,
    at: number,
    outcome: SimulatedOutcome = 'answered',
  ) {
    clearTimeout(call.timer)
    call.next = { step, at, ...(outcome !== 'answered' && { outcome }) }
    call.timer = setTimeout(
      () => {
        call.next = undefined
        run(call, step, outcome)
      },
      Math.max(0, at - Date.now()),
    )
  }

  /** What ringing leads to, by the outcome the call was started with. */
  function answerStep(outcome: SimulatedOutcome): [number, ScriptStep] {
    switch (outcome) {
      case 'busy':
        return [delays.answer, 'busy']
      case 'no-answer':
        return [delays.noAnswer, 'no-answer']
      case 'failed':
        return [delays.answer, 'fail']
      default:
        return [delays.answer, 'connect']
    }
  }

  function ring(call: SimulatedTracked, outcome: SimulatedOutcome) {
    const [delay, next] = answerStep(outcome)
    // Scheduled before the event, so the calls stored after it keep the script.
    schedule(call, next, Date.now() + delay, outcome)
    setStatus(call, 'ringing')
  }

  return {
    dial({ id, phoneNumber, associatedObject, from }, outcome) {
      const call = calls.add({
        id,
        at: 0,
        ended: false,
        phoneNumber,
        direction: 'outbound',
        status: 'dialing',
        muted: false,
        dtmf: '',
        seq: 0,
        ...(associatedObject && { associatedObject }),
        ...(from && { from }),
      })
      schedule(call, 'ring', Date.now() + delays.ringing, outcome)
      report(call, { type: 'status', status: 'dialing', rawState: 'dialing' })
      return call
    },
    report,
    note(call, init) {
      stream.deliver(numbered(call, calls.note(call, withCall(call, init))))
    },
    setStatus,
    advance(call) {
      if (isTerminalStatus(call.status)) return
      unscript(call)
      const outcome = settings.outcome ?? 'answered'
      if (call.status === 'dialing') ring(call, outcome)
      else if (call.status === 'ringing') run(call, answerStep(outcome)[1], outcome)
      else end(call, 'completed')
    },
    end,
    fail,
    stop,
    unscript,
    schedule,
    resume(call) {
      if (isTerminalStatus(call.status)) return
      if (call.next) schedule(call, call.next.step, call.next.at, call.next.outcome)
      if (call.endsAt !== undefined) endAt(call, call.endsAt)
    },
  }
}

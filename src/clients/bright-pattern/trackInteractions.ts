import type { CallRegistry, TrackedCall } from '../../client-kit/createCallRegistry.js'
import type { ClientLogger } from '../../client-kit/logger.js'
import type { CallEvent, InteractionEvent, InteractionEventInit } from '../../core/CallEvent.js'
import type { InteractionAssociatedObject } from '../../core/types.js'
import type { InteractionActivityData, InteractionData } from './protocol/AdApi.js'
import {
  endOutcome,
  mapInteraction,
  type KnownCall,
  type MappingRules,
} from './protocol/mapInteraction.js'
import { interactionIdOf, selectedObjectOf } from './protocol/readInteraction.js'

/** A snapshot's `startTime` further than this from now is not trusted (a wrong `timeUnit`). */
const MAX_CALL_AGE_MS = 24 * 60 * 60 * 1000

/**
 * A call the client knows: a widget interaction (its `providerId` is the widget's id), or a
 * deferred dial waiting in the widget's dialpad under a tracking id until the agent dials it.
 */
export interface BrightPatternCall extends TrackedCall, KnownCall {
  associatedObject?: InteractionAssociatedObject
  /** The record as JSON: every callback carries a fresh copy, the event keeps one reference. */
  objectKey?: string
  /** While a deferred dial waits for the agent: the digits of its number. */
  digits?: string
  /** An event about it arrived from the widget. */
  seen?: boolean
  /** The records were read from the current field (`ON_SAVE_ACTIVITY_RECORD`); they win over the deprecated one. */
  currentRecords?: boolean
  /** The call ended into after-call work (`wrap_up`) and is not completed yet. */
  inWrapUp?: boolean
  /** A started call's wait for its first event, or a deferred dial's wait for the agent. */
  timer?: ReturnType<typeof setTimeout>
}

export interface InteractionTrackerOptions extends MappingRules {
  calls: CallRegistry<BrightPatternCall>
  log: ClientLogger
  timeUnit: 'ms' | 's'
  /** The deferred dial this new interaction is the agent dialing, if any (see `deferredDials`). */
  takeOver(data: InteractionData, widgetId: string, at: number): BrightPatternCall | undefined
}

/**
 * Turns the widget's interaction reports into the library's events through the kit's registry:
 * ids both ways (a deferred dial keeps its tracking id once dialed), the record (current field
 * first, deprecated fallback), the outcome, after-call work and its completion, and resyncs.
 * Ordering and finality are the core reducer's: this reports what the widget said.
 */
export function createInteractionTracker(options: InteractionTrackerOptions) {
  const { calls, log } = options

  /** The call behind a widget id, tracked from now on. */
  const track = (widgetId: string): BrightPatternCall =>
    calls.byProvider(widgetId) ??
    calls.add({ id: widgetId, providerId: widgetId, at: 0, ended: false })

  /** `providerCallId` when the library's id is not the widget's (a dialed deferred call). */
  const providerField = (call: BrightPatternCall) =>
    call.providerId !== undefined && call.providerId !== call.id
      ? { providerCallId: call.providerId }
      : {}

  /** Records `init` for `call`: the registry stamps its id and a monotonic `at`. */
  function record(call: BrightPatternCall, init: InteractionEventInit, at?: number) {
    return calls.record(call, { ...providerField(call), ...init } as InteractionEventInit, at)
  }

  /** Ends `call`: its `ended` event, with the outcome it had. */
  function end(
    call: BrightPatternCall,
    fields: Partial<InteractionEvent> = {},
    afterCallWork = false,
    at?: number,
  ): InteractionEvent | undefined {
    clearTimeout(call.timer)
    const ended = { ...fields, type: 'ended' as const, outcome: endOutcome(call) }
    const event = record(call, afterCallWork ? { ...ended, afterCallWork } : ended, at)
    if (event) call.inWrapUp = afterCallWork
    return event
  }

  /** The call left after-call work: `completed`, once. */
  function complete(call: BrightPatternCall): CallEvent | undefined {
    if (!call.inWrapUp) return undefined
    call.inWrapUp = false
    // Noted, not recorded: a resync still replays how the call ended; `completed` is news.
    return calls.note(call, { type: 'completed', rawState: 'completed' })
  }

  /** The record, the same reference while unchanged. */
  function keepObject(call: BrightPatternCall, object: InteractionAssociatedObject | undefined) {
    const key = object && JSON.stringify(object)
    if (key && key !== call.objectKey) {
      call.objectKey = key
      call.associatedObject = object
    }
    return call.associatedObject
  }

  /** When a call first seen in a snapshot started, if `startTime` reads sensibly in `timeUnit`. */
  function startedAt({ startTime }: InteractionData, fallback: number): number {
    if (!Number.isFinite(startTime)) return fallback
    const ms = options.timeUnit === 's' ? startTime! * 1000 : startTime!
    // A widget clock ahead of ours must not date the call in the future: later events would look stale.
    if (Math.abs(ms - fallback) <= MAX_CALL_AGE_MS) return Math.min(ms, fallback)
    log.once(
      'timeUnit',
      'warn',
      `startTime ${startTime} is not epoch ${options.timeUnit}; set the timeUnit option.`,
    )
    return fallback
  }

  /** One report (a callback, a snapshot entry, `removed`) as an event; `undefined` to ignore. */
  function report(
    data: InteractionData,
    source?: 'removed' | 'snapshot',
    at = Date.now(),
  ): CallEvent | undefined {
    if (!data || typeof data !== 'object' || (data.type !== undefined && data.type !== 'voice'))
      return undefined
    const widgetId = interactionIdOf(data)
    if (!widgetId) {
      log.warn('an interaction without interactionId or id was ignored', data)
      return undefined
    }
    if (widgetId !== data.interactionId)
      log.once(
        'id',
        'debug',
        'interactions carry `id`, not `interactionId` (the doc examples’ spelling); using `id`.',
      )
    let eventAt = at
    const known = calls.byProvider(widgetId)
    if (!known && !options.takeOver(data, widgetId, at) && source === 'snapshot')
      eventAt = startedAt(data, at)
    const call = track(widgetId)
    call.seen = true
    clearTimeout(call.timer)
    // An ended call in after-call work that the widget completes or removes is done.
    if (call.ended)
      return data.state === 'completed' || source === 'removed' ? complete(call) : undefined

    const mapped = mapInteraction(data, call, options, source === 'removed')
    const inbound = mapped.direction === 'inbound'
    Object.assign(call, { answered: mapped.answered, delivered: mapped.delivered, inbound })
    if (mapped.signalled) log.debug(`the answer signal says interaction ${widgetId} was answered.`)
    // The deprecated field is a fallback: records read from the current one win.
    const object = call.currentRecords
      ? call.associatedObject
      : keepObject(call, selectedObjectOf(data))
    const fields = { ...mapped.fields, ...(object && { associatedObject: object }) }
    const { step } = mapped
    if (step === undefined) {
      log.debug(
        `state “${String(data.state)}” of interaction ${widgetId} is not in the state map; the call keeps its state.`,
      )
      return record(call, { ...fields, type: 'updated' }, eventAt)
    }
    if (step === 'ended' || step === 'afterCallWork')
      return end(call, fields, step === 'afterCallWork', eventAt)
    const answered = step === 'connected' || step === 'held'
    if (
      !answered &&
      mapped.direction === 'outbound' &&
      data.state === 'delivered' &&
      !options.answerSignal
    )
      log.once(
        'answer',
        'debug',
        'an outbound call reached the agent (delivered); Bright Pattern documents no answer signal, so it shows dialing until hold or the answerSignal option says it was answered.',
      )
    return record(call, { ...fields, type: 'status', status: step }, eventAt)
  }

  /** The interaction's records from `ON_SAVE_ACTIVITY_RECORD`'s current field; they win from now on. */
  function readActivity(activity: InteractionActivityData): CallEvent | undefined {
    const widgetId = interactionIdOf(activity)
    const call = widgetId === undefined ? undefined : calls.byProvider(widgetId)
    const object = activity && selectedObjectOf(activity)
    if (!call || !object) return undefined
    call.currentRecords = true
    if (JSON.stringify(object) === call.objectKey) return undefined
    return setObject(call, object)
  }

  /** A record the app or the widget set: `updated` with it. */
  function setObject(call: BrightPatternCall, object: InteractionAssociatedObject) {
    call.associatedObject = object
    call.objectKey = JSON.stringify(object)
    return record(call, { type: 'updated', associatedObject: object })
  }

  /**
   * The events of a snapshot taken at `at`: each interaction the widget has, the deferred dials
   * still waiting, and `ended` for a call the widget no longer has (it ended while nobody
   * listened). `interactions` is `undefined` when the widget gave no snapshot: nothing ends then.
   */
  function resync(interactions: InteractionData[] | undefined, at: number): CallEvent[] {
    const events: (CallEvent | undefined)[] = []
    const present = new Set(interactions?.map(interactionIdOf))
    for (const data of interactions ?? []) {
      const event = report(data, 'snapshot', at)
      const call = calls.byProvider(interactionIdOf(data) ?? '')
      // A call that already ended (wrap-up) still shows how it ended.
      events.push(event ?? (call?.ended ? call.summary : undefined))
    }
    for (const call of calls.all()) {
      if (call.digits) events.push(call.summary)
      // A call reported after the snapshot was asked for is missing from it, yet live.
      else if (interactions && call.seen && !call.ended && call.at <= at)
        if (!present.has(call.providerId))
          events.push(end(call, { rawState: 'removed' }, false, at))
    }
    return events.filter((event) => event !== undefined)
  }

  /** The library's id for a widget id. */
  const libraryId = (widgetId: string) => calls.byProvider(widgetId)?.id ?? widgetId

  return {
    track,
    /** The call by the library's id. */
    call: (id: string) => calls.get(id),
    /** The call behind a widget id, if tracked. */
    byWidget: (widgetId: string) => calls.byProvider(widgetId),
    record,
    end,
    complete,
    report,
    readActivity,
    setObject,
    resync,
    libraryId,
  }
}

export type InteractionTracker = ReturnType<typeof createInteractionTracker>

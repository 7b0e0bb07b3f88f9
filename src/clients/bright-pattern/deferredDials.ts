import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import type { ClientLogger } from '../../client-kit/logger.js'
import { digitsOf } from '../../client-kit/text.js'
import type { CallEvent } from '../../core/CallEvent.js'
import type { InteractionAssociatedObject } from '../../core/types.js'
import type { InteractionData } from './protocol/AdApi.js'
import { dialedNumber, sameNumber } from './protocol/matchDialedNumber.js'
import { endOutcome } from './protocol/mapInteraction.js'
import type { BrightPatternCall } from './trackInteractions.js'

export interface DeferredDialsOptions {
  calls: CallRegistry<BrightPatternCall>
  log: ClientLogger
  emit(event: CallEvent | undefined): void
  /** How long a deferred dial waits for the agent (`deferredCorrelationMs`). */
  correlationMs: number
  /** Attaches the app's record to the interaction the agent dialed by hand. */
  attach(object: InteractionAssociatedObject, widgetId: string): void
}

/**
 * Deferred Dial (not documented): `startCall` only fills the widget's dialpad and gives no id.
 * The dial waits under a tracking id; the first outbound voice interaction to the same number
 * within `correlationMs` is the agent dialing it, and takes it over; otherwise it ends `canceled`.
 */
export function createDeferredDials(options: DeferredDialsOptions) {
  const { calls, log, emit, correlationMs } = options
  /** Digits of starts waiting for the widget's answer: their own interactions must not take over a deferral. */
  const startsInFlight: (string | undefined)[] = []
  let count = 0

  const waiting = () => calls.live().filter((call) => call.digits)

  /** Ends a deferred dial as `canceled`: the app hung up, it was deferred again, or nobody dialed it in time. */
  function cancel(call: BrightPatternCall) {
    clearTimeout(call.timer)
    call.digits = undefined
    call.hungUp = true
    const { phoneNumber } = call
    emit(calls.record(call, { type: 'ended', outcome: endOutcome(call), phoneNumber }))
  }

  /** No id: the number waits in the widget's dialpad until the agent presses Dial. */
  function defer(phoneNumber: string, object: InteractionAssociatedObject | undefined) {
    const digits = digitsOf(phoneNumber)
    // The widget's dialpad holds one number: the earlier deferral of this number is gone from it.
    // A second deferral of one number is a person pressing Call again, which only the widget can dial.
    const again = waiting().filter((call) => sameNumber(call.digits, digits))
    again.forEach(cancel)
    const at = Date.now()
    const id = `bp-deferred-${at.toString(36)}-${++count}`
    const call = calls.add({ id, at: 0, ended: false, phoneNumber, digits })
    if (object) call.associatedObject = object
    call.timer = setTimeout(() => {
      log.debug(
        `nothing was dialed to ${phoneNumber} within ${correlationMs} ms; deferred call ${id} canceled.`,
      )
      cancel(call)
    }, correlationMs)
    emit(
      calls.record(
        call,
        {
          type: 'status',
          status: 'deferred',
          phoneNumber,
          direction: 'outbound',
          ...(object && { associatedObject: object }),
        },
        at,
      ),
    )
    log.debug(
      `startCall returned no id (Deferred Dial): ${phoneNumber} waits in the widget’s dialpad; tracking it as ${id}.`,
    )
    if (again.length)
      log.warn(
        'a second start for a deferred number was deferred again (Deferred Dial is a widget setting): the agent presses Dial in the Bright Pattern widget.',
      )
  }

  /** The deferred dial a new interaction is the agent dialing, bound to the widget's id; or none. */
  function takeOver(data: InteractionData, widgetId: string, at: number) {
    const digits = digitsOf(dialedNumber(data))
    if (
      data.callDirection !== 'outbound' ||
      startsInFlight.some((pending) => sameNumber(pending, digits))
    )
      return undefined
    const dial = waiting()
      .filter((call) => sameNumber(call.digits, digits) && at - call.at <= correlationMs)
      .pop()
    if (!dial) return undefined
    log.debug(
      `interaction ${widgetId} (outbound to ${digits}, origination ${String(data.origination)}) is the agent dialing ` +
        `deferred call ${dial.id}. Deferred Dial is not documented: matched by number and direction within deferredCorrelationMs.`,
    )
    clearTimeout(dial.timer)
    dial.digits = undefined
    calls.bindProvider(dial, widgetId)
    const object = dial.associatedObject
    // The agent dialed by hand, so the widget's interaction lacks the record the app asked for.
    if (object && !data.associatedObjects?.list?.some((item) => item.id === object.id))
      options.attach(object, widgetId)
    return dial
  }

  /** Runs a start, marking its number so its own interaction never takes over a deferral. */
  async function starting<T>(phoneNumber: string, run: () => Promise<T>): Promise<T> {
    const digits = digitsOf(phoneNumber)
    startsInFlight.push(digits)
    try {
      return await run()
    } finally {
      startsInFlight.splice(startsInFlight.indexOf(digits), 1)
    }
  }

  return { defer, takeOver, cancel, starting }
}

export type DeferredDials = ReturnType<typeof createDeferredDials>

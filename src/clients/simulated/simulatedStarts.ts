import { checkStart } from '../../client-kit/checkStart.js'
import { linkSignals } from '../../client-kit/linkSignals.js'
import type { CallerId, StartCallResult } from '../../core/CallClient.js'
import type { CallError } from '../../core/CallError.js'
import { failure, success } from '../../core/result.js'
import type { CallTimeline } from './callTimeline.js'
import { checkCallerId } from './checkCallerId.js'
import type { SimulatedDelays, SimulatedSettings } from './options.js'
import type { SimulatedRequest } from './SimulatedClient.js'
import { simulatedErrors } from './simulatedErrors.js'

/** Starts kept for `control.requests`: bounded like the calls, so a soak holds constant memory. */
const MAX_REQUESTS = 1_000

/** How calls start: the checks, the provider's delay, a deferred dial, the new call's id. */
export interface SimulatedStarts {
  startCall(
    phoneNumber: unknown,
    initialObject?: unknown,
    options?: unknown,
  ): Promise<StartCallResult>
  /** The last starts that passed the checks, oldest first. */
  readonly requests: readonly SimulatedRequest[]
  /** Fails the next start with `error`, before any call exists. */
  failNext(error: CallError): void
}

export interface SimulatedStartsOptions {
  timeline: CallTimeline
  delays: SimulatedDelays
  settings: SimulatedSettings
  /** What the call ids start with; calls are numbered after it. */
  idPrefix: string
  /** Aborted on `dispose`: a start waiting out its delay then creates no call. */
  lifetime: AbortSignal
  /** The numbers a start may call from; none: no choice. */
  callerIds: readonly CallerId[] | undefined
}

/** Resolves after `ms`, or rejects when `signal` aborts first. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(signal.reason)
      },
      { once: true },
    )
  })
}

export function createSimulatedStarts({
  timeline,
  delays,
  settings,
  idPrefix,
  lifetime,
  callerIds,
}: SimulatedStartsOptions): SimulatedStarts {
  const requests: SimulatedRequest[] = []
  let nextId = 1
  let nextError: CallError | undefined
  // The number the last deferred start left on the dialpad: starting it again dials it.
  let deferredNumber: string | undefined

  return {
    requests,
    failNext(error) {
      nextError = error
    },
    async startCall(phoneNumber, initialObject, options) {
      const checked = checkStart(
        { phoneNumber, initialObject, options },
        {
          errors: simulatedErrors,
          disposed: lifetime.aborted,
          // Like a PBX, the simulator dials local numbers and extensions as typed.
          dialString: { policy: { unnormalizedLocal: 'pass' } },
        },
      )
      if (!checked.ok) return checked.result
      const { associatedObject, from } = checked
      const refused = checkCallerId(callerIds, from)
      if (refused) return failure(refused)
      const number = checked.dialString.value
      requests.push({
        phoneNumber: number,
        ...(associatedObject && { initialObject: associatedObject }),
        ...(from && { from }),
      })
      if (requests.length > MAX_REQUESTS) requests.shift()

      const { signal, unlink } = linkSignals([lifetime, checked.signal])
      try {
        await delay(delays.start, signal)
      } catch (reason) {
        return failure(
          lifetime.aborted ? simulatedErrors.disposed() : simulatedErrors.aborted(reason),
        )
      } finally {
        unlink()
      }
      if (nextError) {
        const error = nextError
        nextError = undefined
        return failure(error)
      }
      const outcome = settings.outcome ?? 'answered'
      if (outcome === 'timeout') return success({ id: null, error: 'Timeout error' })
      if (settings.deferredDial && deferredNumber !== number) {
        deferredNumber = number
        return success({ id: null })
      }
      deferredNumber = undefined
      const call = timeline.dial(
        { id: `${idPrefix}${nextId++}`, phoneNumber: number, associatedObject, from },
        outcome,
      )
      return success({ id: call.id })
    },
  }
}

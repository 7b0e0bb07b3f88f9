import { checkStart } from '../../client-kit/checkStart.js'
import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import type { CallClient } from '../../core/CallClient.js'
import type { InteractionEventInit } from '../../core/CallEvent.js'
import { failure, success } from '../../core/result.js'
import type { BackendApi } from './backendApi.js'
import type { DialStackTracked } from './DialStackTracked.js'
import type { CallFollower } from './followCalls.js'
import type { LiveEvents } from './liveEvents.js'
import { dialStackErrors } from './protocol/toDialStackError.js'
import { validateCallRequest, type CallRequestRules } from './protocol/validateCallRequest.js'

export interface PlaceCallsOptions {
  api: BackendApi
  calls: CallRegistry<DialStackTracked>
  userId: string
  /** The same rules as the handler's, so both refuse the same input with the same words. */
  rules: CallRequestRules
  createTrackingId(): string
  report(call: DialStackTracked, init: InteractionEventInit, at?: number): void
  follower: CallFollower
  live: LiveEvents
  disposed(): boolean
}

/**
 * The client's `startCall`: checks the request as the handler will, asks the backend to place
 * the call, and tracks it under a client-side id (DialStack answers 202 without a call id), so
 * the stream's events and the call log can be tied to it.
 */
export function createPlaceCalls(options: PlaceCallsOptions): CallClient['startCall'] {
  const { api, calls, rules, follower, live } = options
  return async function startCall(phoneNumber, initialObject?, startOptions?) {
    // DialStack's own order and words (the user id, then the dial string), as the handler refuses
    // the same input; the kit's preamble still decides first when disposed, then the record and
    // an aborted signal. Neither throws, whatever the input.
    const request = validateCallRequest({ userId: options.userId, dialString: phoneNumber }, rules)
    const checked = checkStart(
      { phoneNumber, initialObject, options: startOptions },
      {
        errors: dialStackErrors,
        disposed: options.disposed(),
        dialString: {
          defaultRegion: rules.defaultRegion,
          phoneNumbers: rules.phoneNumbers,
          policy: { unnormalizedLocal: 'pass', ...rules.dialPolicy },
        },
      },
    )
    if (!checked.ok && options.disposed()) return checked.result
    if (!request.ok) return failure(request.error)
    if (!checked.ok) return checked.result
    const { userId, dialString } = request.value
    try {
      // Never retried: the person decides (DialStack's guide, and 429's Retry-After is theirs to honor).
      await api.startCall(userId, dialString.value, checked.signal)
    } catch (error) {
      return failure(dialStackErrors.normalize(error))
    }
    const id = options.createTrackingId()
    // Disposed while the request was out: the call was placed, but nobody is listening any more.
    if (options.disposed()) return success({ id })
    const call = calls.add({
      id,
      at: 0,
      ended: false,
      userId,
      dialString: dialString.value,
      dialKind: dialString.kind,
      startedAt: Date.now(),
      ...(checked.associatedObject && { associatedObject: checked.associatedObject }),
    })
    options.report(call, { type: 'status', status: 'dialing', rawState: 'accepted' })
    follower.follow(call)
    // After `follow`: an event replayed here ends the wait for a first one.
    live.replayHeld(call)
    // Events that came before the 202 with a call id alone: the call log says if one is ours.
    if (live.holdsCallIds()) follower.resolveUnbound()
    return success({ id })
  }
}

import type { ClientLogger } from '../../client-kit/logger.js'
import type { CallEvent } from '../../core/CallEvent.js'
import type {
  AdApi,
  AdApiEventHandlers,
  AdApiEventName,
  InteractionActivityData,
  InteractionData,
  PhoneCapabilities,
} from './protocol/AdApi.js'
import type { InteractionTracker } from './trackInteractions.js'
import type { WidgetConnection } from './widgetConnection.js'

export interface WidgetHandlersOptions {
  tracker: InteractionTracker
  connection: WidgetConnection
  log: ClientLogger
  emit(event: CallEvent | undefined): void
  /** The agent signed in again: catch up on what the widget did meanwhile. */
  onLogin(): void
  /** What the phone can do now: `hold` (`canHold || canRetrieve`) and `answer` (`canAnswer`). */
  onPhoneCapabilities(capabilities: { hold: boolean; answer: boolean }): void
  /** The app's answer to `ON_SAVE_ACTIVITY_RECORD`; without it the callback is not registered. */
  onSaveActivityRecord?: AdApiEventHandlers['ON_SAVE_ACTIVITY_RECORD']
  disposed(): boolean
}

/**
 * The widget's callbacks this client registers, and `wire` to register (`on`) or unregister
 * (`remove`) them all: one `remove` for each `on`. Each does nothing once the client is disposed.
 */
export function createWidgetHandlers(options: WidgetHandlersOptions) {
  const { tracker, connection, emit } = options
  const onInteraction = (data: InteractionData) => emit(tracker.report(data))
  const handlers: AdApiEventHandlers = {
    ON_NEW_INTERACTION: onInteraction,
    ON_INTERACTION_STATE_CHANGE: onInteraction,
    ON_INTERACTION_REMOVED: (data) => emit(tracker.report(data, 'removed')),
    ON_ACTIVE_INTERACTION_SWITCHED: (id) => {
      // `null` means the widget has no active interaction, typically right after a call ends:
      // passing it on would hide that call's final state from the banner before anyone read it.
      if (typeof id === 'string' && id)
        emit({ type: 'activated', interactionId: tracker.libraryId(id) })
    },
    ON_LOGIN: options.onLogin,
    ON_LOGOUT: () => connection.signOut(),
    ON_SERVER_ERROR: (data) => connection.serverError(data),
    ON_PHONE_CAPABILITIES_CHANGE: (caps: Partial<PhoneCapabilities> | undefined) => {
      // While a call is held canHold is false but canRetrieve is true: resume must stay possible.
      options.onPhoneCapabilities({
        hold: Boolean(caps?.canHold || caps?.canRetrieve),
        answer: caps?.canAnswer !== false,
      })
      connection.capabilities(caps)
    },
    ON_SOFTPHONE_STATUS_CHANGE: (ready, error) => connection.softphone(ready, error),
    ON_SAVE_ACTIVITY_RECORD: (activity: InteractionActivityData) => {
      emit(tracker.readActivity(activity))
      return options.onSaveActivityRecord?.(activity)
    },
  }

  const registered = Object.entries(handlers)
    // The widget awaits an answer to ON_SAVE_ACTIVITY_RECORD: only the app can give it.
    .filter(([event]) => event !== 'ON_SAVE_ACTIVITY_RECORD' || options.onSaveActivityRecord)
    .map(
      ([event, handler]: [string, (...args: never[]) => unknown]) =>
        [
          event as AdApiEventName,
          // The handler's answer goes back to the widget (ON_SAVE_ACTIVITY_RECORD awaits one).
          (...args: never[]) => (options.disposed() ? undefined : handler(...args)),
        ] as const,
    )

  /** Calls `adApi.on` (or `remove`) for every handler; a widget that throws gets a warning. */
  return function wire(adApi: AdApi, method: 'on' | 'remove') {
    for (const [event, handler] of registered) {
      try {
        adApi[method](event, handler)
      } catch (error) {
        options.log.warn(`${method}(${event}) failed`, error)
      }
    }
  }
}

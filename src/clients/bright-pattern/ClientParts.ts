import type { ClientLogger } from '../../client-kit/logger.js'
import type { CallEvent } from '../../core/CallEvent.js'
import type { DeferredDials } from './deferredDials.js'
import type { WidgetLoader } from './loadWidget.js'
import type { InteractionTracker } from './trackInteractions.js'

/** What the start, the controls and after-call work share: the factory assembles it once. */
export interface ClientParts {
  tracker: InteractionTracker
  deferrals: DeferredDials
  widget: WidgetLoader
  log: ClientLogger
  /** Hands an event to the subscribers (nothing once disposed). */
  emit(event: CallEvent | undefined): void
  disposed(): boolean
}

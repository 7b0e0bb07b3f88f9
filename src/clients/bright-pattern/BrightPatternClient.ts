import type { ClientWith } from '../../client-kit/ClientWith.js'
import type { LiveCallControl } from '../../core/CallClient.js'
import type { AdApi } from './protocol/AdApi.js'

/** The controls the widget always has: declared, so an app calls them without `?.`. */
type WidgetControls = LiveCallControl | 'completeWrapUp' | 'listDispositions' | 'listCallerIds'

/** A `CallClient` over the Bright Pattern Communicator Widget, with every control the widget has. */
export interface BrightPatternClient extends ClientWith<WidgetControls | 'snapshot'> {
  /**
   * The `adApi` in use, once available (for login, agent state and the rest of the SDK).
   * Rejects with a `not_ready` `CallError` when the widget script cannot be loaded.
   */
  getAdApi(): Promise<AdApi>
}

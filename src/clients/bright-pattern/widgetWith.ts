import { isCallError, type CallError } from '../../core/CallError.js'
import type { WidgetLoader } from './loadWidget.js'
import type { AdApi } from './protocol/AdApi.js'

/**
 * The widget once it is ready, if this version of it has `method` (its optional operations came
 * in later releases); else why not: the loader's error, or `unsupported()`.
 */
export async function widgetWith(
  widget: WidgetLoader,
  method: keyof AdApi,
  unsupported: () => CallError,
): Promise<AdApi | CallError> {
  const api = await widget.ready()
  if (isCallError(api)) return api
  return typeof api[method] === 'function' ? api : unsupported()
}

import type { CallerId } from '../../core/CallClient.js'
import { isCallError, type CallError } from '../../core/CallError.js'
import { callAdApi } from './callAdApi.js'
import { widgetWith } from './widgetWith.js'
import type { ClientParts } from './ClientParts.js'
import type { DIDNumber } from './protocol/AdApi.js'
import { bpErrors } from './protocol/brightPatternErrors.js'

/** What the client uses of its caller ID. */
export interface CallerIds {
  /** The agent's voice DIDs; the widget's current one is the default. Rejects with a `CallError`. */
  listCallerIds(): Promise<CallerId[]>
  /** `setDIDNumber(from)`; `undefined` when the widget took it, else the error. */
  select(from: string): Promise<CallError | undefined>
}

/** The caller ID of a Bright Pattern client: `createBrightPatternClient({ callerId: brightPatternCallerId() })`. */
export type BrightPatternCallerId = (parts: Pick<ClientParts, 'widget'>) => CallerIds

/**
 * Caller ID on the widget: the numbers are the agent's DIDs (`getDIDNumbersList()`, voice ones
 * only), the current one `getDIDNumber()`. The widget keeps the DID as a selection for the next
 * call, not a start argument, so a start's `from` is `setDIDNumber(from)` right before
 * `startCall` (the vendor's sample passes the "DID phone number"). Error 19
 * (`no_permissions_did_call`): the agent may not call from that number.
 *
 * Its own export, so that an app that lets the widget choose the number to call from pays
 * nothing for it.
 *
 * @example
 * createBrightPatternClient({ adApi, callerId: brightPatternCallerId() })
 */
export function brightPatternCallerId(): BrightPatternCallerId {
  return createCallerIds
}

function createCallerIds({ widget }: Pick<ClientParts, 'widget'>): CallerIds {
  return {
    async listCallerIds() {
      const api = await widgetWith(widget, 'getDIDNumbersList', () =>
        bpErrors.notSupported('list caller IDs'),
      )
      if (isCallError(api)) throw api
      const list = await callAdApi<DIDNumber[]>('getDIDNumbersList', () => api.getDIDNumbersList!())
      if (isCallError(list)) throw list
      const current =
        typeof api.getDIDNumber === 'function'
          ? await callAdApi<DIDNumber | null>('getDIDNumber', () => api.getDIDNumber!())
          : undefined
      const chosen = current && !isCallError(current) ? current.number : undefined
      return (Array.isArray(list) ? list : [])
        .filter((did) => did?.isVoice && typeof did.number === 'string' && did.number)
        .map((did) => ({ number: did.number, ...(did.number === chosen && { default: true }) }))
    },

    async select(from) {
      const api = await widgetWith(widget, 'setDIDNumber', () =>
        bpErrors.notSupported('choose the caller ID'),
      )
      if (isCallError(api)) return api
      const set = await callAdApi('setDIDNumber', () => api.setDIDNumber!(from))
      return isCallError(set) ? set : undefined
    },
  }
}

import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { CallClient } from '../core/CallClient.js'
import { createCallRuntime, type DialMode, type WhileOnCall } from '../core/createCallRuntime.js'
import type { AsYouTypeFormatter, DialPolicy, PhoneNumberParser } from '../core/parseDialString.js'
import type { TabSharing } from '../core/tabs/sharedTabs.js'
import { CallContext, type CallContextValue } from './CallContext.js'
import type { CallMessages } from './messages.js'

export interface CallProviderProps {
  /** The telephony client: `createSimulatedClient()`, `createGenesysClient(…)` … The app owns it and disposes it. */
  client: CallClient
  /** The QueryClient for the start mutation. Default: the one above, else one of its own. */
  queryClient?: QueryClient
  /** `'dial'` (default) places calls; `'prefill'` only fills the dialpad and the person presses Call. */
  dialMode?: DialMode
  /**
   * A start to another number while a call is live (dialing, ringing or connected):
   * `'refuse'` (default) fails it with an error naming the live call ("You are on a call with Ada
   * Lovelace. Hang up or put it on hold first."); `'hold-and-dial'` puts a connected call on hold
   * first where the provider can hold, else refuses; `'allow'` places it. A start for a number
   * that already has a live call never dials again: that call becomes the banner's active call.
   */
  whileOnCall?: WhileOnCall
  /**
   * `false` turns click-to-dial off app-wide, like Salesforce's `disableClickToDial` or Dynamics'
   * `setClickToAct(false)`: every `CallButton` is disabled and says why, and `useStartCall` refuses
   * starts; the `Dialpad` still dials what a person types. Default `true`.
   */
  clickToDial?: boolean
  /** Region for local and emergency numbers (ISO 3166-1 alpha-2, e.g. `"US"`). */
  defaultRegion?: string
  /** Phone metadata from `createPhoneNumberParser(metadata)` (`react-click-to-call/phone`), to check and normalize numbers. */
  phoneNumbers?: PhoneNumberParser
  /**
   * Formats the `Dialpad`'s number as it is typed, pasted or prefilled, in `defaultRegion`:
   * `createAsYouTypeFormatter(metadata)` from `react-click-to-call/phone`. Without it the number
   * shows as typed.
   */
  asYouType?: AsYouTypeFormatter
  /** What may be dialed: allowed countries, max length, your own validator. */
  dialPolicy?: DialPolicy
  /** Ended calls kept in memory. Default 50. */
  historyLimit?: number
  /** Replaces some or all visible strings (English by default). */
  messages?: Partial<CallMessages>
  /**
   * `'independent'` (default): this provider shares nothing with other tabs. `sharedTabs({ userId })`
   * from `react-click-to-call/tabs`: the tabs of one app and one user share one phone (one tab
   * holds the provider's client, the others mirror its calls and send it their starts and
   * controls; screen pops and call logs happen once). Falls back to independent where the browser
   * has no Web Locks or `BroadcastChannel`.
   */
  tabs?: 'independent' | TabSharing
  children?: ReactNode
}

/**
 * Holds a client, its interaction store and the rules of a start for everything below it. The
 * store is made per provider (never a module singleton) and fed by the client's events while
 * mounted.
 *
 * @example
 * const client = createSimulatedClient()
 * <CallProvider client={client} defaultRegion="US">
 *   <CallButton phoneNumber="+14165550199" />
 *   <CallStatusBanner />
 * </CallProvider>
 */
export function CallProvider({
  client,
  queryClient,
  dialMode = 'dial',
  whileOnCall = 'refuse',
  clickToDial = true,
  defaultRegion,
  phoneNumbers,
  asYouType,
  dialPolicy,
  historyLimit,
  messages,
  tabs = 'independent',
  children,
}: CallProviderProps) {
  const outerQueryClient = useContext(QueryClientContext)
  // Made once and used only while neither the prop nor a provider above gives one: either may go away later.
  const [fallbackQueryClient] = useState(() => new QueryClient())
  const tabKey = tabs === 'independent' ? null : tabs.key
  // Keyed by the sharing's names, so `tabs={sharedTabs({ userId })}` written inline in render
  // does not make a new session (and a new store) each render.
  const session = useMemo(
    () => (tabs === 'independent' ? null : tabs.join(client)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tabKey, client],
  )
  const runtime = useMemo(
    () =>
      createCallRuntime({
        client: session?.client ?? client,
        historyLimit,
        ...(session && { route: session.route }),
      }),
    [session, client, historyLimit],
  )
  // Rules of a start follow the props without recreating the store (idempotent, safe in render).
  runtime.configure({
    dialMode,
    whileOnCall,
    clickToDial,
    defaultRegion,
    phoneNumbers,
    policy: dialPolicy,
  })

  // Shared tabs: only the leading tab connects the provider's client; the others mirror it.
  useEffect(() => (session ? session.connect(runtime) : runtime.connect()), [session, runtime])

  const formatTyped = useMemo(
    () => asYouType && ((number: string) => asYouType(number, defaultRegion)),
    [asYouType, defaultRegion],
  )
  const value = useMemo<CallContextValue>(
    () => ({
      runtime,
      messages,
      readinessRules: { clickToDial, whileOnCall },
      tabs: session,
      formatTyped,
    }),
    [runtime, messages, clickToDial, whileOnCall, session, formatTyped],
  )
  const tree = <CallContext.Provider value={value}>{children}</CallContext.Provider>
  const ownClient = queryClient ?? (outerQueryClient ? null : fallbackQueryClient)
  return ownClient && ownClient !== outerQueryClient ? (
    <QueryClientProvider client={ownClient}>{tree}</QueryClientProvider>
  ) : (
    tree
  )
}

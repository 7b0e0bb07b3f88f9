/**
 * A typed subset of Bright Pattern's Communicator Widget SDK (`adApi`, formerly the "Agent Desktop
 * Client-Side JavaScript API"): only what this client uses. Shapes follow the 5.19/latest
 * documentation and the vendor's reference integration (`ServicePattern/crm-client-api-example`).
 */
import type {
  InitiateResult,
  InteractionAssociatedObject,
  ResultError,
} from '../../../core/types.js'
import type { ServerErrorName } from './errorCodes.js'

/**
 * What every SDK method resolves to. The latest docs discriminate on `status`; the 5.19 page shows
 * an older form where `data` and `error` are both optional. The client accepts both.
 */
export type AdApiResult<T = null> =
  | { status: 'success'; data: T }
  | { status: 'error'; error: ResultError }
  | { status: 'success' | 'error'; data?: T; error?: ResultError }

/** The SDK's interaction states. What each means is not documented. */
export type InteractionState =
  | 'unknown'
  | 'queued'
  | 'ivr'
  | 'wrap_up'
  | 'wrap_up_hold'
  | 'delivered'
  | 'delivery_pending'
  | 'hold'
  | 'completed'

/** An associated object as the widget keeps it (it adds `source`). */
export type AdApiAssociatedObject = InteractionAssociatedObject & { source?: string }

/** A party on a call. */
export interface CallParty {
  id: string
  name: string
  phone: string
  userId?: string
}

/**
 * One interaction as the widget reports it. The type names `interactionId`; some doc examples read
 * `interaction.id`, so both are optional here and the client falls back from one to the other.
 */
export interface InteractionData {
  interactionId?: string
  /** The doc examples' spelling. */
  id?: string
  globalInteractionId?: string
  /** An `InteractionState`, or a newer one this library does not know. */
  state: InteractionState | (string & {})
  type?: 'voice' | 'chat' | 'email' | (string & {})
  callParties?: CallParty[]
  callMuted?: boolean
  callRecording?: boolean
  attachedData?: Record<string, string>
  phoneNumber?: string
  callDirection?: 'inbound' | 'outbound'
  /** Units are not documented (see the client's `timeUnit`). */
  startTime?: number
  endTime?: number
  duration?: number
  DNIS?: string
  ANI?: string
  /** Where the call was started: `'dialpad'` when the agent dialed by hand, `'integration-api'` from `startCall`. */
  origination?: string
  interactionKind?: 'unknown' | 'direct_call' | 'outbound' | 'scenario' | 'chat'
  subject?: string
  /**
   * `@deprecated` in the latest types (read as a fallback; `ON_SAVE_ACTIVITY_RECORD` carries the
   * current field). `selected` is `string | null` in 5.19 and `string[]` later.
   */
  associatedObjects?: { list: AdApiAssociatedObject[]; selected?: string | string[] | null }
}

/** What `getInteractionsState()` resolves to. */
export interface InteractionsState {
  activeInteractionId: string | null
  interactions: InteractionData[]
}

/** `ON_LOGIN`'s payload. */
export interface LoginStateData {
  isLoggedIn: boolean
  agentId?: string
  username?: string
  sessionId?: string
}

/** `ON_SERVER_ERROR`'s payload. */
export interface ServerErrorData {
  code: number
  name: ServerErrorName | (string & {})
  /** `Date.now()` in the widget. */
  timestamp: number
  message?: string
}

/** `ON_PHONE_CAPABILITIES_CHANGE`'s payload. */
export interface PhoneCapabilities {
  canDial: boolean
  canAnswer: boolean
  canHold: boolean
  canRetrieve: boolean
}

/** The events this client listens to, with their handlers' signatures. */
export interface AdApiEventHandlers {
  ON_NEW_INTERACTION: (interaction: InteractionData) => void
  ON_INTERACTION_STATE_CHANGE: (interaction: InteractionData) => void
  /** Fires after an interaction ends, with all its data (the doc page is named `onInteractionEnd`). */
  ON_INTERACTION_REMOVED: (interaction: InteractionData) => void
  ON_ACTIVE_INTERACTION_SWITCHED: (activatedInteractionId: string | null) => void
  ON_LOGIN: (loginState: LoginStateData) => void
  ON_LOGOUT: () => void
  ON_SERVER_ERROR: (error: ServerErrorData) => void
  ON_PHONE_CAPABILITIES_CHANGE: (capabilities: PhoneCapabilities) => void
  /** The agent's phone is (not) ready to call; `error` says why not. */
  ON_SOFTPHONE_STATUS_CHANGE: (ready: boolean, error?: string) => void
  /**
   * The agent saves the interaction's activity (wrap-up). The widget awaits the answer, so the
   * client registers this only when the app gives `onSaveActivityRecord`, whose answer it returns.
   */
  ON_SAVE_ACTIVITY_RECORD: (
    activity: InteractionActivityData,
  ) => ActivityRecordInfo | undefined | void | Promise<ActivityRecordInfo | undefined | void>
}

/**
 * What `ON_SAVE_ACTIVITY_RECORD` carries. Its `associatedObjects` is the current field for the
 * interaction's records; `InteractionData.associatedObjects` is deprecated in the latest types.
 */
export interface InteractionActivityData {
  interactionId: string
  globalInteractionId?: string
  state: InteractionState | (string & {})
  type?: 'voice' | 'chat' | 'email' | (string & {})
  associatedObjects?: { list: AdApiAssociatedObject[]; selected?: string | string[] | null }
  phoneNumber?: string
  callDirection?: 'inbound' | 'outbound'
  /** Values of the activity form, by their `integrationField`. */
  formValues?: Record<string, string | boolean>
  /** The other party's display name. */
  contactName?: string
}

/** What the app's `ON_SAVE_ACTIVITY_RECORD` handler answers: the CRM activity it saved. */
export interface ActivityRecordInfo {
  id: string | null
  caseId?: string
  contactId?: string
}

/** What `getDispositionsList` lists for: a service (id or name), or an interaction's service. */
export interface DispositionTarget {
  service?: string
  interactionId?: string
}

/** One disposition of a service, as `getDispositionsList` gives it. */
export interface DispositionData {
  id: string
  code: string
  name: string
  type: 'SUCCESS' | 'FAILURE' | 'CONTINUE' | 'SPAM' | 'DO_NOT_CALL' | (string & {})
}

/** A number the agent may call from (a DID), as `getDIDNumbersList` gives it. */
export interface DIDNumber {
  id: string
  number: string
  isSMS: boolean
  isVoice: boolean
}

/** An event name this client listens to. */
export type AdApiEventName = keyof AdApiEventHandlers

/** What `startCall` resolves with: `InitiateResult` (documented) or `InteractionData` (an older types file). */
export type AdApiStartCallData = InitiateResult | InteractionData | null

/** The `adApi` methods this client calls. Every `interactionId` defaults to the active interaction in the SDK. */
export interface AdApi {
  startCall(
    phoneNumber: string,
    initialObject?: InteractionAssociatedObject | InteractionAssociatedObject[],
  ): Promise<AdApiResult<AdApiStartCallData>>
  /** Releases the agent's leg (semantics not documented; after-call work may follow). */
  leaveInteraction(interactionId?: string): Promise<AdApiResult>
  /** Hangs up and completes in one step. */
  leaveAndCompleteInteraction(
    disposition?: string,
    note?: string,
    interactionId?: string,
  ): Promise<AdApiResult>
  setCallHold(state: boolean, interactionId?: string): Promise<AdApiResult>
  setCallMute(state: boolean, interactionId?: string): Promise<AdApiResult>
  sendDtmf(dtmf: string, interactionId?: string): Promise<AdApiResult>
  addInteractionAssociatedObject(
    object: InteractionAssociatedObject,
    interactionId?: string,
  ): Promise<AdApiResult>
  /**
   * The dispositions of a service or an interaction's service. In the vendor's types, not on a
   * documentation page; older widgets may lack it.
   */
  getDispositionsList?(target: DispositionTarget): Promise<AdApiResult<DispositionData[]>>
  /** Answers an offered interaction. In the vendor's types, not on a documentation page. */
  acceptInteraction?(interactionId?: string): Promise<AdApiResult>
  /** Turns down an offered interaction (where it goes then is not documented). */
  rejectInteraction?(interactionId?: string): Promise<AdApiResult>
  /** The numbers the agent may call from. In the vendor's types, not on a documentation page. */
  getDIDNumbersList?(): Promise<AdApiResult<DIDNumber[]>>
  /** The number the next call comes from, or `null` (the service's default). */
  getDIDNumber?(): Promise<AdApiResult<DIDNumber | null>>
  /** Chooses the number the next call comes from: the vendor's sample passes the "DID phone number". */
  setDIDNumber?(did: string | null): Promise<AdApiResult>
  /** The current interactions. Documented in the latest pages; older widgets may lack it. */
  getInteractionsState?(): AdApiResult<InteractionsState> | Promise<AdApiResult<InteractionsState>>
  on<E extends AdApiEventName>(event: E, handler: AdApiEventHandlers[E]): void
  remove<E extends AdApiEventName>(event: E, handler: AdApiEventHandlers[E]): void
}

/** The options of `new window.brightpattern.AdApi(options)`. */
export interface AdApiInitOptions {
  /** The CRM integration's id; custom integrations need not set it. */
  integrationKey?: string
  /** An existing widget iframe (5.19: required when `mountRoot` is absent). */
  adcFrame?: HTMLIFrameElement
  /** Where the SDK inserts the widget iframe (5.19: required when `adcFrame` is absent). */
  mountRoot?: HTMLElement
  /** `true`: the API only, without the Agent Desktop UI. */
  standalone?: boolean
  disableNewInteractionPopup?: boolean
  /** Latest docs: fill the available width instead of a fixed 500 px. */
  adaptiveWidth?: boolean
}

/** `window.brightpattern.AdApi`, as the tenant's `api.js` defines it. */
export type AdApiConstructor = new (options?: AdApiInitOptions) => AdApi

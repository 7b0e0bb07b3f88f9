/**
 * Tether's Call document and the bodies of the calls API, as documented at
 * https://docs.tetherai.ca/api-reference/calls (see docs/providers/tether.md). Many fields are
 * provider-specific and Tether asks clients to be tolerant of extra properties, so every field
 * but `callId` is optional and the index signature keeps the rest.
 */

/**
 * `Call.status`. The documented values are listed; the full enum is not documented, so any other
 * string can arrive and passes through as the raw state.
 */
export type TetherCallStatus =
  'initiated' | 'in-progress' | 'completed' | 'no-answer' | 'busy' | 'failed' | (string & {})

/** A Tether Call document. Times are ISO 8601 strings; `duration` is in seconds. */
export interface TetherCall {
  /** The provider-agnostic id minted by Tether; also the voice SDK's `providerCallId` for SDK calls. */
  callId: string
  /** The MongoDB id; the same value as `callId` for SDK calls. */
  _id?: string
  /** The voice provider, e.g. `"sinch"` or `"twilio"`. */
  provider?: string
  providerCallId?: string
  direction?: 'inbound' | 'outbound'
  status?: TetherCallStatus
  from?: string
  to?: string
  contactId?: string | null | Record<string, unknown>
  conversationId?: string | null
  organizationId?: string
  userId?: string | null | Record<string, unknown>
  providerPhoneNumber?: string
  startTime?: string | null
  answerTime?: string | null
  endTime?: string | null
  duration?: number | null
  recordings?: unknown[]
  createdAt?: string
  updatedAt?: string
  [extra: string]: unknown
}

/** The body of `POST /api/calls/sdk/initiate`: at least one of the two fields. */
export interface TetherInitiateBody {
  /** A contact's ObjectId; Tether dials the contact's number and links the record to it. */
  contactId?: string
  /** The destination in E.164. */
  phoneNumber?: string
}

/** The answer of `POST /api/calls/sdk/initiate`. */
export interface TetherInitiateResponse {
  success: true
  call: TetherCall
  /** `"Call recorded"`. */
  message?: string
}

/** The answer of `GET /api/calls/{callId}`. */
export interface TetherGetCallResponse {
  success: boolean
  call: TetherCall
}

/**
 * The body of `POST /api/calls/sdk/answer` and of the reject request: `callId` is Tether's, the
 * others help it find the record when the id is unknown ("a fuzzy fallback on caller number within
 * the last 5 minutes").
 */
export interface TetherInboundBody {
  callId: string
  callerNumber?: string
  conferenceId?: string
  twilioCallSid?: string
}

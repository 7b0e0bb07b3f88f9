/**
 * A GWS call resource as it arrives in `CallStateChangeMessage.call` and in
 * `GET /api/v2/me/calls` (Genesys Web Services API v2, calls resource). Only the fields the client reads are
 * typed strictly; the rest pass through.
 */
export interface GenesysCall {
  id: string
  /** `Dialing`, `Ringing`, `Established`, `Held`, `Released`; the full enum is undocumented. */
  state?: string
  callUuid?: string
  connId?: string
  /** `Internal`, `Inbound`, `Outbound`, `Consult`. */
  callType?: string
  participants?: {
    phoneNumber?: string
    digits?: string
    formattedPhoneNumber?: string
    e164Number?: string
  }[]
  dnis?: string
  ani?: string
  /** The operations allowed in the call's current state, e.g. `Hangup`, `Hold`, `SendDtmf`. */
  capabilities?: string[]
  /** Key/value data attached to the call, including the client's correlation key. */
  userData?: Record<string, unknown>
  duration?: string
  mute?: string
  [field: string]: unknown
}

/** The notification GWS publishes on `/v2/me/calls`. */
export interface GenesysCallStateChangeMessage {
  messageType: 'CallStateChangeMessage'
  /** `StatusChange`, `DtmfSent`, `AttachedDataChanged` … */
  notificationType: string
  call: GenesysCall
  /** The agent's own number. */
  phoneNumber?: string
  extensions?: Record<string, unknown>
}

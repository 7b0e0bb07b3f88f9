/**
 * The GWS call resource, as it arrives in `CallStateChangeMessage.call` and in
 * `GET /api/v2/me/calls?fields=*` (https://docs.genesys.com/Documentation/HTCC/latest/API/CallsDial,
 * https://docs.genesys.com/Documentation/GWS/8.6.0/API/RecoveringExistingState). Only the fields the
 * client reads are typed strictly; the rest pass through.
 */

/** A participant: an object in some revisions of the API, a bare number in others. */
export type GenesysParticipant =
  | string
  | { phoneNumber?: string; digits?: string; formattedPhoneNumber?: string; e164Number?: string }

export interface GenesysCall {
  id: string
  /** `Dialing`, `Ringing`, `Established`, `Held`, `Released`; the full enum is undocumented. */
  state?: string
  callUuid?: string
  connId?: string
  /** `Internal`, `Inbound`, `Outbound`, `Consult`. */
  callType?: string
  participants?: GenesysParticipant[]
  /** Present when participants are bare numbers: their formats (`digits`, `e164Number` …). */
  participantsInfo?: { digits?: string; e164Number?: string; formattedPhoneNumber?: string }[]
  /** "The DNIS attribute of the call, as sent by T-Server": the dialed number. */
  dnis?: string
  /** The number the call came from, on external calls: the caller of an inbound call. */
  ani?: string
  /** The operations allowed in the call's current state, e.g. `Hangup`, `Hold`, `SendDtmf`. */
  capabilities?: string[]
  /** Key/value data attached to the call, including the client's correlation key. */
  userData?: Record<string, unknown>
  duration?: string
  /** `Off` or `On`. */
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

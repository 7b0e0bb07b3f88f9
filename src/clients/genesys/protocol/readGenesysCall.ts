import { digitsOf, isText } from '../../../client-kit/text.js'
import type { CallCapabilities } from '../../../core/CallClient.js'
import type { InteractionEventBase, LiveCallStatus } from '../../../core/CallEvent.js'
import type { GenesysCall, GenesysParticipant } from './GenesysCall.js'

/** GWS call states → live states. `Released` ends the call; any other state passes through. */
export const GENESYS_STATES: Readonly<Record<string, LiveCallStatus>> = Object.freeze({
  Dialing: 'dialing',
  Ringing: 'ringing',
  Established: 'connected',
  Held: 'held',
})

/** What a call resource says, in the library's words. */
export interface GenesysCallFacts {
  fields: Omit<InteractionEventBase, 'interactionId' | 'at'>
  /** The live state, or `undefined` for `Released` and unknown states. */
  status: LiveCallStatus | undefined
  released: boolean
}

/** The operations GWS allows now, as capabilities (`call.capabilities`). */
export function capabilitiesOf(list: unknown): Partial<CallCapabilities> | undefined {
  if (!Array.isArray(list)) return undefined
  const has = (...names: string[]) => names.some((name) => list.includes(name))
  return {
    hangup: has('Hangup'),
    hold: has('Hold', 'Retrieve'),
    dtmf: has('SendDtmf'),
    updateAssociatedObject: has('UpdateUserData', 'AttachUserData'),
    mute: false,
    answer: has('Answer'),
    decline: has('Reject'),
  }
}

/** A participant's number: an object's `e164Number`/`phoneNumber`/`digits`, or the bare string with its `participantsInfo`. */
function numberOf(
  call: GenesysCall,
  participant: GenesysParticipant | undefined,
): string | undefined {
  if (participant === undefined) return undefined
  if (typeof participant !== 'string')
    return [participant.e164Number, participant.phoneNumber, participant.digits].find(isText)
  const info = call.participantsInfo?.find((item) => item.digits === participant)
  return [info?.e164Number, participant].find(isText)
}

/** The numbers of a call's participants, for matching a dial by its number. */
export const participantNumbers = (call: GenesysCall): (string | undefined)[] =>
  [call.dnis, ...(call.participants ?? []).map((p) => numberOf(call, p))].map(digitsOf)

/**
 * Reads a call resource. Direction: `callType` `Inbound` / `Outbound`; for `Internal` and
 * `Consult` calls (not documented) inbound when `dnis` is the agent's own number. The other
 * party: the caller (`ani`) on an inbound call, never `dnis` (there the number the caller dialed),
 * and the first participant on an outbound call.
 */
export function readGenesysCall(call: GenesysCall, agentNumber?: string): GenesysCallFacts {
  const state = call.state ?? ''
  const inbound =
    call.callType === 'Inbound' ||
    (call.callType !== 'Outbound' &&
      agentNumber !== undefined &&
      digitsOf(call.dnis) === digitsOf(agentNumber))
  const party = numberOf(call, call.participants?.[0])
  const phoneNumber = inbound ? [call.ani, party].find(isText) : [party, call.dnis].find(isText)
  const fields: GenesysCallFacts['fields'] = {
    rawState: state,
    providerCallId: call.id,
    direction: inbound ? 'inbound' : 'outbound',
    ...(phoneNumber !== undefined && { phoneNumber }),
  }
  const capabilities = capabilitiesOf(call.capabilities)
  if (capabilities) fields.capabilities = capabilities
  if (call.mute === 'On' || call.mute === 'Off') fields.muted = call.mute === 'On'
  return {
    fields,
    // Own keys only: a state named like an Object.prototype member ("constructor") is unknown too.
    status: Object.hasOwn(GENESYS_STATES, state) ? GENESYS_STATES[state] : undefined,
    released: state === 'Released',
  }
}

/**
 * The calls of a `GET /api/v2/me/calls?fields=*` reply, or `undefined` when the reply has no
 * `calls` array (only `uris`, or anything else): that means "unknown", never "no calls".
 */
export function readCallList(reply: Record<string, unknown>): GenesysCall[] | undefined {
  const { calls } = reply
  if (!Array.isArray(calls)) return undefined
  return calls.filter(
    (call): call is GenesysCall =>
      typeof call === 'object' && call !== null && typeof (call as GenesysCall).id === 'string',
  )
}

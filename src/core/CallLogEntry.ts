import type { CallErrorInfo } from './CallError.js'
import type { CallOutcome } from './CallEvent.js'
import type { Interaction } from './reduceInteraction.js'
import type { InteractionAssociatedObject } from './types.js'

/**
 * One call, as the CRM receives it: who was called, when, for how long, how it went and what the
 * agent recorded in the wrap-up. Times are epoch milliseconds.
 */
export interface CallLogEntry {
  /** The library's id of the call; also the idempotency key of every write of this entry. */
  interactionId: string
  /** The provider's own call id, where it differs from `interactionId`. */
  providerCallId?: string
  direction: 'inbound' | 'outbound'
  /** The other party's number, E.164 where the provider gave one. */
  phoneNumber: string
  /** The caller ID used, where the provider tells it. */
  from?: string
  /** The CRM record as it was at the end of the call, after any edit during it. */
  associatedObject?: InteractionAssociatedObject
  /** When the call started (its first event). */
  startedAt: number
  /** When the other party answered; absent if nobody did. */
  answeredAt?: number
  endedAt: number
  /** Talk time: from the answer to the end; 0 if the call was never answered. */
  durationMs: number
  /** How an ended call ended. Absent when the call failed (see `error`). */
  outcome?: CallOutcome
  /** Why the call failed. Absent when it ended (see `outcome`). */
  error?: CallErrorInfo
  /** The disposition's value chosen in the wrap-up. */
  disposition?: string
  /** The agent's notes from the wrap-up. */
  notes?: string
  /** A recording of the call, where the provider gives one. */
  recordingUrl?: string
}

/** What the wrap-up adds to an entry. */
export interface WrapUpDraft {
  disposition?: string
  notes?: string
}

/** Builds the entry of an ended or failed call from its record in the store. */
export function toCallLogEntry(interaction: Interaction): CallLogEntry {
  const endedAt = interaction.endedAt ?? interaction.updatedAt
  const entry: CallLogEntry = {
    interactionId: interaction.id,
    direction: interaction.direction ?? 'outbound',
    phoneNumber: interaction.phoneNumber ?? '',
    startedAt: interaction.createdAt,
    endedAt,
    durationMs:
      interaction.connectedAt === undefined ? 0 : Math.max(0, endedAt - interaction.connectedAt),
  }
  if (interaction.providerCallId) entry.providerCallId = interaction.providerCallId
  if (interaction.from) entry.from = interaction.from
  if (interaction.associatedObject) entry.associatedObject = interaction.associatedObject
  if (interaction.connectedAt !== undefined) entry.answeredAt = interaction.connectedAt
  if (interaction.status === 'failed' && interaction.error) entry.error = interaction.error
  else entry.outcome = interaction.outcome ?? 'unknown'
  return entry
}

/** The entry with the wrap-up's disposition and notes (empty ones left out). */
export function withWrapUp(entry: CallLogEntry, draft: WrapUpDraft): CallLogEntry {
  const { disposition: _d, notes: _n, ...rest } = entry
  const next: CallLogEntry = rest
  if (draft.disposition) next.disposition = draft.disposition
  if (draft.notes?.trim()) next.notes = draft.notes
  return next
}

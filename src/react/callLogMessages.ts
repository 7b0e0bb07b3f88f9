import type { CallErrorInfo } from '../core/CallError.js'
import type { CallOutcome } from '../core/CallEvent.js'

/**
 * Every string `WrapUpForm` and `RecentCalls` show or announce. Pass a partial set to
 * `CallLogProvider`'s `messages` to translate or reword; English is the default.
 */
export interface CallLogMessages {
  /** The wrap-up form's accessible name when the call has no name or number. */
  wrapUp: string
  /** The disposition select's label. */
  disposition: string
  /** The empty first option of the disposition select. */
  chooseDisposition: string
  /** Shown (and nothing is sent) when Save is pressed without a required disposition. */
  dispositionRequired: string
  /** The notes textarea's label. */
  notes: string
  save: string
  /** Save's label while the write is in flight. */
  saving: string
  skip: string
  /** Announced when the CRM has the entry. */
  saved: string
  /** Announced when a write failed; it is retried by itself and the typed notes stay. */
  notSaved: (reason: string) => string
  /** The text of an error (the error's own message by default); translate by `code` here. */
  errorMessage: (error: CallErrorInfo) => string
  /** Shown for a call without a name or number. */
  unknownParty: string
  /** How a call ended, or `failed`. */
  outcomes: Record<CallOutcome | 'failed', string>
  directions: Record<'inbound' | 'outbound', string>
  /** The recent-calls list's accessible name. */
  recentCalls: string
  /** Shown instead of the list before any call. */
  noRecentCalls: string
  /** A row's "Call again" label and its accessible name. */
  callAgain: string
  callAgainWhom: (name: string) => string
  /** A row's "Log" button (the call is not logged yet) and its accessible name. */
  log: string
  logWhom: (name: string) => string
  /** A row's "Logged" button (opens the wrap-up to edit it) and its accessible name. */
  logged: string
  loggedWhom: (name: string) => string
  /** A call's time in a row, e.g. "10:42 AM". */
  time: (epochMs: number) => string
}

export const defaultCallLogMessages: CallLogMessages = {
  wrapUp: 'Wrap-up',
  disposition: 'Disposition',
  chooseDisposition: 'Choose…',
  dispositionRequired: 'Choose a disposition to save this call.',
  notes: 'Notes',
  save: 'Save',
  saving: 'Saving…',
  skip: 'Skip',
  saved: 'Call logged.',
  notSaved: (reason) => `Not logged yet: ${reason} It will be retried; your notes are kept.`,
  errorMessage: (error) => error.message,
  unknownParty: 'Unknown number',
  outcomes: {
    completed: 'Completed',
    'no-answer': 'No answer',
    busy: 'Busy',
    voicemail: 'Voicemail',
    canceled: 'Canceled',
    declined: 'Declined',
    missed: 'Missed',
    unknown: 'Ended',
    failed: 'Failed',
  },
  directions: { inbound: 'Incoming', outbound: 'Outgoing' },
  recentCalls: 'Recent calls',
  noRecentCalls: 'No calls yet.',
  callAgain: 'Call again',
  callAgainWhom: (name) => `Call again ${name}`,
  log: 'Log',
  logWhom: (name) => `Log the call with ${name}`,
  logged: 'Logged',
  loggedWhom: (name) => `Logged: edit the call with ${name}`,
  time: (epochMs) =>
    new Date(epochMs).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' }),
}

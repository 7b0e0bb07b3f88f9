import type { CallErrorInfo } from '../core/CallError.js'
import type { CallOutcome, CallStatus, LiveCallStatus } from '../core/CallEvent.js'

/** The keys of a dialpad, in the order they are laid out. */
export type DialpadKey = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '*' | '0' | '#'

/** The fields of an associated object that the editor shows as text inputs. */
export type AssociatedObjectTextField = 'id' | 'type' | 'displayName' | 'displayType'

/**
 * Every string the components show or announce. Pass a partial set to `CallProvider`'s
 * `messages` to translate or reword; English is the default.
 */
export interface CallMessages {
  /** CallButton's label. */
  call: string
  /** CallButton's accessible name, e.g. "Call Ada Lovelace". */
  callWhom: (name: string) => string
  /** CallButton's label while the start is pending. */
  calling: string
  /** CallButton's accessible name while the start is pending, e.g. "Calling Ada Lovelace…". */
  callingWhom: (name: string) => string
  /** Why a CallButton is disabled when the phone system cannot place calls (its stream is closed). */
  callUnavailable: string
  /** Why a CallButton or the Dialpad cannot call: the person is not signed in to the phone system. */
  signInToCall: string
  /** Why a CallButton or the Dialpad cannot call: signed in, but the phone cannot dial now. */
  phoneNotReady: string
  /** Why a CallButton cannot call: the app turned click-to-dial off. */
  clickToDialOff: string
  /**
   * Why a CallButton or the Dialpad cannot call: another call is live (`name` is its contact or
   * number) and the live-call rule refuses a second one.
   */
  onAnotherCall: (name: string) => string
  /** The label of `CallerIdSelect` (`react-click-to-call/caller-id`). */
  callFrom: string
  /** `CallerIdSelect`'s option for the provider's own default number. */
  callerIdDefault: string
  /** Why a CallButton is disabled when it was given no phone number. */
  noPhoneNumber: string
  /**
   * CallButton's accessible name while its number is on a call, e.g. "Ada Lovelace, connected
   * 01:23"; `duration` is `null` before the call connects. Its visible label is
   * `statuses[status]` and the timer.
   */
  onCallWith: (name: string, status: LiveCallStatus, duration: string | null) => string
  /**
   * The text shown for an error. Defaults to the error's own message (a `CallError` message is
   * written for people); translate by `code` here.
   */
  errorMessage: (error: CallErrorInfo) => string
  initiating: string
  deferred: string
  dialing: string
  ringing: string
  /** The connected state with its live timer, e.g. "Connected 01:23". */
  connected: (duration: string) => string
  held: string
  /** "Call ended", with the outcome when it says something ("Call ended: line busy"). */
  ended: (outcome: CallOutcome) => string
  /** "Call failed: <reason>". */
  failed: (reason: string) => string
  outcomes: Record<CallOutcome, string>
  /** Short names of each state, for an app's own lists and badges. */
  statuses: Record<CallStatus, string>
  /** The banner's title over a ringing inbound call. */
  incomingCall: string
  /** Announced (assertively, once) when an inbound call starts ringing, e.g. "Incoming call from Ada Lovelace". */
  incomingCallFrom: (name: string) => string
  /** Answers a ringing inbound call. */
  answer: string
  /** Turns down a ringing inbound call. */
  decline: string
  /** The accessible name of the list of records that match a caller's number. */
  callerMatches: string
  /** Shown while the caller's number is being looked up. */
  lookingUpCaller: string
  /** Shown when no record matches the caller's number. */
  noCallerMatch: string
  hangUp: string
  hold: string
  resume: string
  mute: string
  unmute: string
  dismiss: string
  /** The banner's accessible name. */
  callStatus: string
  /** The accessible name of the banner's group of call controls. */
  callControls: string
  /** The accessible name of the banner's list of the live calls besides the active one. */
  otherCalls: string
  /** The accessible name of one call in the banner's list, e.g. "Call with Grace Hopper". */
  callWith: (party: string) => string
  /** The visible label of the button that makes a listed call the banner's active call. */
  switchTo: string
  /** That button's accessible name, e.g. "Switch to Grace Hopper". */
  switchToCall: (party: string) => string
  /** The accessible name of the banner's call timer. */
  callDuration: string
  /** Dialpad textbox's accessible name. */
  phoneNumber: string
  /** The Dialpad textbox's placeholder. */
  phoneNumberPlaceholder: string
  dialpad: string
  deleteDigit: string
  /** The letters printed under each dialpad key ("ABC" under 2); `+` under 0 tells about the long press. */
  keyLetters: Record<DialpadKey, string>
  /** A paste refused: `character` (already cut to a few characters) is no part of a phone number. */
  pasteNotANumber: (character: string) => string
  /** A paste refused: a `+` after the start. */
  pastePlus: string
  /** A paste refused: a part of a `tel:` link that cannot be dialed, e.g. `;isub=5`. */
  pasteUriPart: (part: string) => string
  /** A paste refused: it had no number. */
  pasteEmpty: string
  /** Under the dialpad's number: a pasted extension waits for the call to connect. */
  extensionLater: (extension: string) => string
  /** A paste refused: it has an extension and the provider cannot send tones. */
  extensionNoTones: (extension: string) => string
  /** Announced when a deferred dial fills the dialpad. */
  prefilled: (number: string) => string
  /** The dialpad's accessible name in DTMF mode, while a call is connected. */
  tonesKeypad: string
  /** Shown in DTMF mode above the keys. */
  tonesSent: (digits: string) => string
  /** Shown in DTMF mode before any key is pressed. */
  tonesHint: string
  /** Shown in DTMF mode while the call is on hold (the keys are off). */
  tonesHeld: string
  /** Why a call control is missing or disabled. */
  notSupported: string
  /** Announced when the event stream drops. */
  reconnecting: string
  /** Bright Pattern's own words for a malformed associated object. */
  invalidJson: string
  /** The editor's accessible name (its legend). */
  associatedObject: string
  /** The editor's labels for the four text fields. */
  associatedObjectFields: Record<AssociatedObjectTextField, string>
  /** The heading of the editor's custom fields. */
  customFields: string
  /** Shown when an associated object has no custom field. */
  noCustomFields: string
  /** The column heading over the custom fields' names. */
  customFieldNameColumn: string
  /** The column heading over the custom fields' values. */
  customFieldValueColumn: string
  /** The label of a custom field's name input, e.g. "Field 1 name". */
  customFieldName: (row: number) => string
  /** The label of a custom field's value input, e.g. "Field 1 value". */
  customFieldValue: (row: number) => string
  addCustomField: string
  /** The accessible name of a custom field's remove button: "Remove field crmUrl", or "Remove field 2" while unnamed. */
  removeCustomField: (name: string, row: number) => string
  /** The label of the editor's mode switch. */
  editorMode: string
  /** The editor's form mode. */
  formMode: string
  /** The editor's JSON mode. */
  jsonMode: string
  /** The label of the JSON textarea. */
  jsonLabel: string
  /** A required field is empty. `label` is the field's label. */
  fieldRequired: (label: string) => string
  /** A value is not text (`path` is e.g. `customFields.age`). */
  fieldNotText: (path: string) => string
  /** The JSON is not an object with the associated object's fields. */
  notAnObject: string
  /** `customFields` is not an object of text values. */
  customFieldsNotObject: string
  /** The JSON has a key an associated object does not have. */
  unknownField: (key: string) => string
  /** A custom field has a value and no name. */
  customFieldNameRequired: string
  /** Two custom fields have the same name. */
  customFieldNameDuplicate: (name: string) => string
  /** The Softphone panel's accessible name, and its card's title when no call is shown. */
  softphone: string
  /** The Softphone's state without a call. */
  readyToCall: string
  /** The Softphone's toggle that shows the keypad during a call. */
  keypad: string
  /** The badge by the Softphone's timer while the microphone is muted. */
  muted: string
  /** The Softphone's action that dials an ended call's number again. */
  callAgain: string
}

const OUTCOMES: Record<CallOutcome, string> = {
  completed: '',
  'no-answer': 'no answer',
  busy: 'line busy',
  voicemail: 'voicemail',
  canceled: 'canceled',
  declined: 'declined',
  missed: 'missed',
  unknown: '',
}

const LIVE_STATES: Record<LiveCallStatus, string> = {
  initiating: 'starting',
  deferred: 'on the dialpad',
  dialing: 'dialing',
  ringing: 'ringing',
  connected: 'connected',
  held: 'on hold',
}

export const defaultMessages: CallMessages = {
  call: 'Call',
  callWhom: (name) => `Call ${name}`,
  calling: 'Calling…',
  callingWhom: (name) => `Calling ${name}…`,
  callUnavailable: 'Calls are unavailable: the phone system is not connected.',
  signInToCall: 'Sign in to the phone system to call.',
  phoneNotReady: 'Your phone is not ready to call. Check your phone device.',
  clickToDialOff: 'Click-to-dial is turned off.',
  onAnotherCall: (name) => `You are on a call with ${name}. Hang up or put it on hold first.`,
  callFrom: 'Call from',
  callerIdDefault: 'Default number',
  noPhoneNumber: 'No phone number to call.',
  onCallWith: (name, status, duration) =>
    `${name}, ${LIVE_STATES[status]}${duration === null ? '' : ` ${duration}`}`,
  errorMessage: (error) => error.message,
  initiating: 'Starting call…',
  deferred: 'Number ready on the dialpad. Press Call to dial.',
  dialing: 'Dialing…',
  ringing: 'Ringing…',
  connected: (duration) => `Connected ${duration}`,
  held: 'On hold',
  ended: (outcome) =>
    outcome === 'declined'
      ? 'Call declined'
      : outcome === 'missed'
        ? 'Missed call'
        : OUTCOMES[outcome]
          ? `Call ended: ${OUTCOMES[outcome]}`
          : 'Call ended',
  failed: (reason) => `Call failed: ${reason}`,
  outcomes: OUTCOMES,
  statuses: {
    initiating: 'Starting',
    deferred: 'On dialpad',
    dialing: 'Dialing',
    ringing: 'Ringing',
    connected: 'Connected',
    held: 'On hold',
    ended: 'Ended',
    failed: 'Failed',
  },
  incomingCall: 'Incoming call',
  incomingCallFrom: (name) => `Incoming call from ${name}`,
  answer: 'Answer',
  decline: 'Decline',
  callerMatches: 'Records that match the caller',
  lookingUpCaller: 'Looking up the caller…',
  noCallerMatch: 'No record matches this number.',
  hangUp: 'Hang up',
  hold: 'Hold',
  resume: 'Resume',
  mute: 'Mute',
  unmute: 'Unmute',
  dismiss: 'Dismiss',
  callStatus: 'Call status',
  callControls: 'Call controls',
  otherCalls: 'Other calls',
  callWith: (party) => `Call with ${party}`,
  switchTo: 'Switch to',
  switchToCall: (party) => `Switch to ${party}`,
  callDuration: 'Call duration',
  phoneNumber: 'Phone number',
  phoneNumberPlaceholder: 'Enter a number',
  dialpad: 'Dialpad',
  deleteDigit: 'Delete',
  keyLetters: {
    '1': '',
    '2': 'ABC',
    '3': 'DEF',
    '4': 'GHI',
    '5': 'JKL',
    '6': 'MNO',
    '7': 'PQRS',
    '8': 'TUV',
    '9': 'WXYZ',
    '*': '',
    '0': '+',
    '#': '',
  },
  pasteNotANumber: (character) =>
    `Not pasted: “${character}” is not part of a phone number. Use digits, + and the country code.`,
  pastePlus: 'Not pasted: + goes only in front of the country code.',
  pasteUriPart: (part) => `Not pasted: the link’s “${part}” cannot be dialed.`,
  pasteEmpty: 'Not pasted: there is no phone number in it.',
  extensionLater: (extension) => `Extension ${extension} is sent as tones once the call connects.`,
  extensionNoTones: (extension) =>
    `Not pasted: this phone system cannot send extension ${extension} as tones. Dial the number and ask for the extension.`,
  prefilled: (number) => `${number} is on the dialpad. Press Call to dial.`,
  tonesKeypad: 'Keypad: tones go to the call',
  tonesSent: (digits) => `Tones sent: ${digits}`,
  tonesHint: 'Press keys to send tones.',
  tonesHeld: 'On hold: keys are off.',
  notSupported: 'This phone system does not support it.',
  reconnecting: 'Connection to the phone system lost. Reconnecting…',
  invalidJson: 'You have syntax error in the associated object structure. Cannot parse JSON.',
  associatedObject: 'Associated object',
  associatedObjectFields: {
    id: 'ID',
    type: 'Type',
    displayName: 'Display name',
    displayType: 'Display type',
  },
  customFields: 'Custom fields',
  noCustomFields: 'No custom fields.',
  customFieldNameColumn: 'Name',
  customFieldValueColumn: 'Value',
  customFieldName: (row) => `Field ${row} name`,
  customFieldValue: (row) => `Field ${row} value`,
  addCustomField: 'Add field',
  removeCustomField: (name, row) => `Remove field ${name || row}`,
  editorMode: 'Edit as',
  formMode: 'Form',
  jsonMode: 'JSON',
  jsonLabel: 'Associated object as JSON',
  fieldRequired: (label) => `${label} is required.`,
  fieldNotText: (path) => `${path} must be text.`,
  notAnObject:
    'The associated object must be a JSON object with id, type, displayName, displayType and customFields.',
  customFieldsNotObject:
    'customFields must be an object of text values, e.g. {"crmUrl": "https://…"}.',
  unknownField: (key) => `“${key}” is not a field of an associated object.`,
  customFieldNameRequired: 'Give this field a name.',
  customFieldNameDuplicate: (name) => `“${name}” is already used by another field.`,
  softphone: 'Softphone',
  readyToCall: 'Ready to call',
  keypad: 'Keypad',
  muted: 'Muted',
  callAgain: 'Call again',
}

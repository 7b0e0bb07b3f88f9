/**
 * The rules of a DialStack click-to-call request, shared by the browser client and the backend
 * handler so both refuse exactly the same input with exactly the same words. Framework-free:
 * no React, no DOM, no Node built-ins.
 */
import { CallError, type CallErrorCode } from '../../../core/CallError.js'
import {
  parseDialString,
  type DialPolicy,
  type DialString,
  type PhoneNumberParser,
} from '../../../core/parseDialString.js'

/** DialStack's own error texts for `POST /v1/calls` (https://docs.dialstack.ai/guides/click-to-call). */
export const DIALSTACK_ERROR_TEXT = {
  userIdRequired: 'user_id is required',
  dialStringRequired: 'dial_string is required',
  invalidUserId: 'Invalid user_id format',
  userNotFound: 'User not found',
  unauthorized: 'Unauthorized',
} as const

/**
 * A TypeID (spec v0.3): an optional prefix (lower-case letters and `_`, not starting or ending
 * with `_`, at most 63 characters) and `_`, then 26 lower-case Crockford base32 characters, the
 * first `0`–`7`. The suffix has no `_`, so the prefix ends at the last one.
 */
const TYPEID = /^(?:([a-z](?:[a-z_]{0,61}[a-z])?)_)?[0-7][0-9a-hjkmnp-tv-z]{25}$/

/**
 * DialStack's texts (and the same refusals made here): the code each means and what a person can
 * do about it. The message shown is `${text}: ${hint}`. A `Map`, so no text reads `Object.prototype`.
 */
export const KNOWN_TEXTS = new Map<string, { code: CallErrorCode; hint: string }>([
  [
    DIALSTACK_ERROR_TEXT.userIdRequired,
    {
      code: 'invalid_argument',
      hint: 'calling is not set up for your account (no DialStack user). Ask an administrator.',
    },
  ],
  [
    DIALSTACK_ERROR_TEXT.invalidUserId,
    {
      code: 'invalid_argument',
      hint: 'your DialStack user id is not valid. Ask an administrator to check it.',
    },
  ],
  [
    DIALSTACK_ERROR_TEXT.dialStringRequired,
    { code: 'invalid_number', hint: 'enter a phone number.' },
  ],
  [
    DIALSTACK_ERROR_TEXT.userNotFound,
    {
      code: 'not_found',
      hint: 'DialStack does not know your user in this account. Ask an administrator to check it.',
    },
  ],
])

/** DialStack's text with what to do about it. */
export const hinted = (text: string): string => `${text}: ${KNOWN_TEXTS.get(text)?.hint}`

/** The prefix DialStack user ids carry (`user_01h2xcejqtf2nbrexx3vqjhp42`). */
export const DEFAULT_USER_ID_PREFIX = 'user'

/** What a call request is checked against. Give the browser client and the handler the same rules. */
export interface CallRequestRules {
  /**
   * The TypeID prefix a user id must have. Default `'user'`: DialStack's user ids all carry it,
   * but its docs only say "a valid TypeID" (an assumption), so `null` accepts any
   * valid TypeID prefix and leaves the final word to DialStack.
   */
  userIdPrefix?: string | null
  /** The region for local and emergency numbers (ISO 3166-1 alpha-2). Default: none. */
  defaultRegion?: string
  /** Phone metadata from `react-click-to-call/phone`, to check numbers and normalize local ones. */
  phoneNumbers?: PhoneNumberParser
  /**
   * The app's dial rules. `unnormalizedLocal` defaults to `'pass'` here: DialStack normalizes a
   * local number by the account's region, so it is sent as typed when no metadata can do it.
   */
  dialPolicy?: DialPolicy
  /** Told when an assumption comes into play (a user id refused only for its prefix). */
  logger?: Pick<Console, 'warn' | 'debug'>
}

/** A request that passed every rule: what goes to DialStack. */
export interface ValidCallRequest {
  /** The user id, trimmed (never lower-cased: the TypeID alphabet is lower-case only). */
  userId: string
  /** The checked dial string; `dialString.value` is sent as `dial_string`. */
  dialString: DialString
}

/** The field a refused request is wrong at, named as DialStack names it. */
export type CallRequestField = 'user_id' | 'dial_string'

/** A refusal: the error to show, the field, and DialStack's own words for it. */
export interface CallRequestFailure {
  ok: false
  /** `invalid_argument` for the user id, `invalid_number` for the dial string. */
  error: CallError
  field: CallRequestField
  /** DialStack's own text for this refusal (its documented table where it has one): the handler's `error`. */
  providerMessage: string
}

/** The checked value, or why it was refused. */
export type CheckResult<T> = { ok: true; value: T } | CallRequestFailure

export type CallRequestResult = CheckResult<ValidCallRequest>

function refuse(
  field: CallRequestField,
  providerMessage: string,
  message = hinted(providerMessage),
): CallRequestFailure {
  const code = field === 'user_id' ? 'invalid_argument' : 'invalid_number'
  const error = new CallError(code, message, {
    provider: { provider: 'dialstack', message: providerMessage },
  })
  return { ok: false, error, field, providerMessage }
}

/** True when `value` is a valid TypeID (any prefix, or none). */
export function isTypeId(value: string): boolean {
  return TYPEID.test(value)
}

/** The rules out of a client's or handler's options, so both sides check a call the same way. */
export const callRequestRules = ({
  userIdPrefix,
  defaultRegion,
  phoneNumbers,
  dialPolicy,
  logger,
}: CallRequestRules): CallRequestRules => ({
  userIdPrefix,
  defaultRegion,
  phoneNumbers,
  dialPolicy,
  logger,
})

/**
 * Checks a DialStack user id: a TypeID (`^user_[0-7][0-9a-hjkmnp-tv-z]{25}$` with the default
 * prefix). Trims whitespace only; upper-case input is invalid, as the TypeID spec says.
 */
export function validateUserId(input: unknown, rules: CallRequestRules = {}): CheckResult<string> {
  const { userIdPrefix: prefix = DEFAULT_USER_ID_PREFIX } = rules
  const value = typeof input === 'string' ? input.trim() : ''
  if (value === '') return refuse('user_id', DIALSTACK_ERROR_TEXT.userIdRequired)
  const typeId = TYPEID.exec(value)
  const otherPrefix = typeId && prefix !== null && (typeId[1] ?? '') !== prefix
  // In production too: the handler shares this, and a wrong prefix refuses every call.
  if (otherPrefix) {
    rules.logger?.warn(
      `[dialstack] "${value}" is a valid TypeID but not a "${prefix}_" id: refused. Set userIdPrefix: null to let DialStack decide.`,
    )
  }
  return typeId && !otherPrefix
    ? { ok: true, value }
    : refuse('user_id', DIALSTACK_ERROR_TEXT.invalidUserId)
}

/**
 * Checks a dial string against DialStack's formats: E.164 (`+15551234567`), local
 * (`5551234567`, normalized by the account's region), an extension (`1001`) or an emergency
 * number (`911`).
 */
export function validateDialString(
  input: unknown,
  rules: CallRequestRules = {},
): CheckResult<DialString> {
  if (typeof input !== 'string' || input.trim() === '') {
    return refuse('dial_string', DIALSTACK_ERROR_TEXT.dialStringRequired)
  }
  const parsed = parseDialString(input, {
    defaultRegion: rules.defaultRegion,
    phoneNumbers: rules.phoneNumbers,
    policy: { unnormalizedLocal: 'pass', ...rules.dialPolicy },
  })
  if (!parsed.ok) return refuse('dial_string', parsed.error.message, parsed.error.message)
  return { ok: true, value: parsed.dialString }
}

/**
 * Checks a click-to-call request before it leaves: the user id first, then the dial string,
 * as DialStack does. Failures carry DialStack's own text (`providerMessage`) and a `CallError`
 * whose message starts with it and says what to do.
 *
 * @example
 * const checked = validateCallRequest({ userId: 'user_01h2xcejqtf2nbrexx3vqjhp42', dialString: '+15551234567' })
 * if (checked.ok) send({ user_id: checked.value.userId, dial_string: checked.value.dialString.value })
 */
export function validateCallRequest(
  request: { userId: unknown; dialString: unknown },
  rules: CallRequestRules = {},
): CallRequestResult {
  const user = validateUserId(request.userId, rules)
  if (!user.ok) return user
  const dial = validateDialString(request.dialString, rules)
  if (!dial.ok) return dial
  return { ok: true, value: { userId: user.value, dialString: dial.value } }
}

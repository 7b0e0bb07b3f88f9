import { CallError } from './CallError.js'
import { quoteInput } from './quoteInput.js'

/** What kind of destination a dial string is. */
export type DialStringKind = 'e164' | 'local' | 'extension' | 'emergency'

/** A checked dial string. `value` is what goes to the provider; format it only for display. */
export interface DialString {
  kind: DialStringKind
  /** E.164 for `e164` (and `local` once normalized); the digits as typed for the rest. */
  value: string
  /** The input as the person typed it. */
  input: string
  /** The country (ISO 3166-1 alpha-2), when phone metadata told it. */
  country?: string
  /** The number formatted for display (international format), when phone metadata told it. */
  formatted?: string
}

/** What a phone-number parser (from `react-click-to-call/phone`) tells about a number. */
export interface ParsedPhoneNumber {
  /** E.164, e.g. `+14165550199`. */
  e164: string
  country?: string
  /** The number is valid for its country per the metadata. */
  valid: boolean
  /** International format for display, e.g. `+1 416 555 0199`. */
  formatted?: string
}

/**
 * Parses a number against phone metadata. Make one with `createPhoneNumberParser(metadata)`
 * from `react-click-to-call/phone`; apps that dial E.164 only never load metadata.
 */
export type PhoneNumberParser = (
  text: string,
  defaultRegion?: string,
) => ParsedPhoneNumber | undefined

/**
 * Formats a number while a person types it, e.g. `4165550199` in `CA` → `(416) 555-0199`, or
 * `+14165550199` → `+1 416 555 0199`. Make one with `createAsYouTypeFormatter(metadata)` from
 * `react-click-to-call/phone`. It only adds spaces and punctuation: a result that drops or
 * changes a dialable character is not shown (the `Dialpad` then shows the number as typed).
 */
export type AsYouTypeFormatter = (number: string, defaultRegion?: string) => string

/** Rules an app sets on what may be dialed. Emergency numbers are never blocked by them. */
export interface DialPolicy {
  /** Countries (ISO 3166-1 alpha-2) that may be called. Needs `phoneNumbers` to know a number's country. */
  allowedCountries?: readonly string[]
  /** Most digits in a dial string. Default 15 (the E.164 maximum). */
  maxLength?: number
  /** Digit counts that are internal extensions. Default `{ min: 2, max: 6 }`. */
  extensionLength?: { min: number; max: number }
  /** Emergency numbers by region, replacing the built-in list for those regions. */
  emergencyNumbers?: Readonly<Record<string, readonly string[]>>
  /**
   * Your own rule, run last (e.g. block premium-rate ranges). Return a message a person can act
   * on to refuse the number, or nothing to allow it.
   */
  validate?: (dialString: DialString) => string | undefined | void
  /**
   * A national number without a country code, when no `defaultRegion` and metadata can turn it
   * into E.164: `'reject'` (default) asks for the country code; `'pass'` sends the digits as they
   * are, for providers that normalize by account region (DialStack).
   */
  unnormalizedLocal?: 'reject' | 'pass'
}

export interface DialStringOptions {
  /** The region for local numbers and emergency numbers (ISO 3166-1 alpha-2, e.g. `"US"`). */
  defaultRegion?: string
  /** Phone metadata, to check numbers and normalize local ones to E.164. */
  phoneNumbers?: PhoneNumberParser
  policy?: DialPolicy
}

export type DialStringResult =
  { ok: true; dialString: DialString } | { ok: false; error: CallError }

/** Emergency numbers by region; `*` applies everywhere (112 and 911 reach services on most mobile networks). */
const EMERGENCY: Readonly<Record<string, readonly string[]>> = {
  '*': ['112', '911'],
  US: ['911'],
  CA: ['911'],
  MX: ['911'],
  GB: ['999', '112'],
  IE: ['999', '112'],
  AU: ['000', '112'],
  NZ: ['111'],
  IN: ['112', '100', '101', '102'],
  JP: ['110', '119'],
  CN: ['110', '119', '120'],
  BR: ['190', '192', '193'],
  FR: ['112', '15', '17', '18'],
  DE: ['112', '110'],
}

const FORMATTING = /[\s\-()./\u00a0]/g

/**
 * Throws when options cannot work, so an app learns it where it sets them: `allowedCountries`
 * needs phone metadata to know a number's country.
 */
export function checkDialStringOptions({ policy, phoneNumbers }: DialStringOptions): void {
  if (policy?.allowedCountries && !phoneNumbers) {
    // The same words in every build: the developer who reads it in production logs needs the fix.
    throw new CallError(
      'invalid_argument',
      'dialPolicy.allowedCountries needs phone metadata to know a number’s country: pass phoneNumbers={createPhoneNumberParser(metadata)} from react-click-to-call/phone.',
    )
  }
}

function invalid(message: string): DialStringResult {
  return { ok: false, error: new CallError('invalid_number', message) }
}

function emergencyList(
  region: string | undefined,
  policy: DialPolicy | undefined,
): readonly string[] {
  const key = region?.toUpperCase()
  const custom = key ? policy?.emergencyNumbers?.[key] : undefined
  return [...(custom ?? (key && EMERGENCY[key]) ?? []), ...(EMERGENCY['*'] ?? [])]
}

/**
 * Classifies and normalizes what a person typed, before any request leaves:
 * E.164 (`+14165550199`), local (`(416) 555-0199`, to E.164 with `defaultRegion` and metadata),
 * an internal extension (`1001`) or an emergency number (`911`, never blocked). Everything else
 * is an `invalid_number` error with a message a person can act on.
 *
 * @example
 * const result = parseDialString('(416) 555-0199', { defaultRegion: 'CA', phoneNumbers })
 * if (result.ok) client.startCall(result.dialString.value)
 */
export function parseDialString(input: string, options: DialStringOptions = {}): DialStringResult {
  const { defaultRegion, phoneNumbers, policy } = options
  const trimmed = input.trim()
  if (trimmed === '') return invalid('Enter a phone number.')
  const compact = trimmed.replace(FORMATTING, '')
  // What the messages quote of the input: its start only.
  const quoted = quoteInput(trimmed)
  if (!/^\+?\d+$/.test(compact)) {
    return invalid(
      `“${quoted}” is not a phone number. Use digits, with + and the country code for other countries.`,
    )
  }
  const international = compact.startsWith('+')
  const digits = international ? compact.slice(1) : compact
  const maxLength = policy?.maxLength ?? 15

  if (!international && emergencyList(defaultRegion, policy).includes(digits)) {
    return { ok: true, dialString: { kind: 'emergency', value: digits, input } }
  }
  if (digits.length > maxLength) {
    return invalid(`“${quoted}” is too long: a phone number has at most ${maxLength} digits.`)
  }

  let dialString: DialString
  if (international) {
    if (digits.startsWith('0') || digits.length < 7) {
      return invalid(
        `“${quoted}” is not a complete international number: after + come the country code and the number.`,
      )
    }
    const parsed = phoneNumbers?.(compact)
    if (phoneNumbers && !parsed?.valid) return invalid(`“${quoted}” is not a valid phone number.`)
    dialString = { kind: 'e164', value: parsed?.e164 ?? compact, input }
    if (parsed?.country) dialString.country = parsed.country
    if (parsed?.formatted) dialString.formatted = parsed.formatted
  } else {
    const { min, max } = policy?.extensionLength ?? { min: 2, max: 6 }
    if (digits.length >= min && digits.length <= max) {
      dialString = { kind: 'extension', value: digits, input }
    } else if (digits.length < min) {
      return invalid(`“${quoted}” is too short to be a phone number or an extension.`)
    } else if (phoneNumbers && defaultRegion) {
      const parsed = phoneNumbers(compact, defaultRegion)
      if (!parsed?.valid)
        return invalid(`“${quoted}” is not a valid phone number in ${defaultRegion.toUpperCase()}.`)
      dialString = { kind: 'local', value: parsed.e164, input }
      if (parsed.country) dialString.country = parsed.country
      if (parsed.formatted) dialString.formatted = parsed.formatted
    } else if (policy?.unnormalizedLocal === 'pass') {
      dialString = { kind: 'local', value: digits, input }
    } else {
      return invalid(`Add the country code to “${quoted}”, for example +1 for the US and Canada.`)
    }
  }

  checkDialStringOptions(options)
  if (policy?.allowedCountries && dialString.kind !== 'extension') {
    const allowed = policy.allowedCountries.map((c) => c.toUpperCase())
    if (!dialString.country || !allowed.includes(dialString.country)) {
      return invalid(`Calls to ${dialString.country ?? 'this country'} are not allowed here.`)
    }
  }
  const refusal = policy?.validate?.(dialString)
  if (refusal) return invalid(refusal)
  return { ok: true, dialString }
}

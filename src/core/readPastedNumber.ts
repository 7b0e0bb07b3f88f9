import { quoteInput } from './quoteInput.js'

/**
 * What a pasted number says, read before it reaches a dialpad: the number to dial, an extension
 * to send as tones once the call connects, or why it cannot be read. Nothing is dropped silently:
 * a character that is no part of a number refuses the paste, and the reason names it.
 */
export type PastedNumber =
  | {
      ok: true
      /** The dialable number (`0-9 * # +`, `+` only in front): what the dialpad shows and sends. */
      number: string
      /** The extension (digits), to send as DTMF once the call connects; `null` without one. */
      extension: string | null
    }
  | {
      ok: false
      /**
       * - `character`: `character` is no part of a phone number (e.g. `@`, or a letter before any digit).
       * - `plus`: a `+` after the start (it only goes in front of the country code).
       * - `uri-part`: a part of a `tel:` URI that cannot be dialed (`part`, e.g. `;isub=5`).
       * - `empty`: nothing to dial (only spaces or invisible characters).
       */
      reason: 'character' | 'plus' | 'uri-part' | 'empty'
      /** The character refused, for `character`. */
      character?: string
      /** The URI part refused, for `uri-part`. */
      part?: string
    }

/** The letters on each dialpad key, e.g. `{ '2': 'ABC', … }` (ITU E.161, as `keyLetters`). */
export type KeypadLetters = Readonly<Partial<Record<string, string>>>

// Format characters with no width: zero-width spaces and joiners, the soft hyphen, bidi marks,
// embeddings, overrides and isolates, the word joiner and the byte order mark. A number copied
// from a right-to-left page or a chat app often carries them; they are never part of a number.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g

// What people write between the digits: spaces, hyphens and dashes, dots, slashes, parentheses.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212./()]/g

// Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9) digits, and the full-width forms
// (U+FF01–FF5E: digits, letters, + * # and separators) and ideographic space of CJK input.
const NON_ASCII_FORMS = /[\u0660-\u0669\u06f0-\u06f9\uff01-\uff5e\u3000]/g

function toAscii(text: string): string {
  return text.replace(NON_ASCII_FORMS, (char) => {
    const code = char.charCodeAt(0)
    if (code === 0x3000) return ' '
    if (code >= 0xff01) return String.fromCharCode(code - 0xfee0)
    // Both Arabic-Indic ranges start at a code point ending in 0.
    return String(code & 0xf)
  })
}

// An extension at the end: ";ext=123", "ext. 123", "extension 123", "x123", "#123". Not inside a
// word, so the vanity number 1-800-NEXT-STEP keeps its letters.
const EXTENSION = /(?:;\s*ext\s*=|(?<![a-z])(?:ext(?:ension)?\.?|x)|#)\s*(\d+)\s*$/i

// A `#` extension needs a whole number before it; `*31#` or `#21#` are codes for the network.
const MIN_DIGITS_BEFORE_HASH = 7

function readNumber(text: string, letters: ReadonlyMap<string, string>): PastedNumber {
  let number = ''
  let digits = 0
  for (const char of text.replace(SEPARATORS, '')) {
    if (/[0-9*#]/.test(char)) {
      number += char
      if (/\d/.test(char)) digits += 1
    } else if (char === '+') {
      if (number !== '') return { ok: false, reason: 'plus' }
      number = '+'
    } else {
      // Keypad letters (1-800-FLOWERS) only after a digit: a word before any digit is not a number.
      const digit = digits > 0 ? letters.get(char.toUpperCase()) : undefined
      if (digit === undefined) return { ok: false, reason: 'character', character: char }
      number += digit
    }
  }
  return number === '' || number === '+'
    ? { ok: false, reason: 'empty' }
    : { ok: true, number, extension: null }
}

function letterMap(keypadLetters: KeypadLetters): Map<string, string> {
  const map = new Map<string, string>()
  for (const [key, keyLetters] of Object.entries(keypadLetters)) {
    if (!/^\d$/.test(key)) continue
    for (const letter of keyLetters ?? '') if (/[A-Z]/.test(letter)) map.set(letter, key)
  }
  return map
}

function readTelUri(uri: string): PastedNumber {
  let decoded: string
  try {
    decoded = decodeURIComponent(uri)
  } catch {
    return { ok: false, reason: 'character', character: '%' }
  }
  const [main = '', ...parameters] = decoded.split(';')
  let extension: string | null = null
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=')
    const digits = value.replace(SEPARATORS, '')
    if (name.trim().toLowerCase() === 'ext' && /^\d+$/.test(digits) && extension === null) {
      extension = digits
    } else {
      // isub, phone-context and the like change where the call goes: refuse rather than guess.
      return { ok: false, reason: 'uri-part', part: quoteInput(`;${parameter}`) }
    }
  }
  // A tel: URI holds digits and visual separators only (RFC 3966): no keypad letters in it.
  const read = readNumber(main, new Map())
  return read.ok ? { ...read, extension } : read
}

/**
 * Reads a pasted phone number (RFC 3966 `tel:` URIs included) into the number to dial and its
 * extension. Pure and framework-free: the `Dialpad` shows what it reads, or the reason it refuses.
 *
 * - Invisible and bidi characters are stripped; Arabic-Indic, Persian and full-width digits
 *   become ASCII digits; spaces, hyphens, dots, slashes and parentheses are formatting.
 * - `tel:+1-416-555-0199;ext=123` is a URI: the number, and the extension from `;ext=`. Any other
 *   URI part is refused.
 * - An extension at the end (`;ext=`, `ext.`, `extension`, `x`, `#`) is returned apart, so the
 *   main number is dialed and the extension sent as tones once connected.
 * - Keypad letters after a digit become digits (`1-800-FLOWERS` → `18003569377`).
 * - Anything else refuses the paste with the reason; nothing is dropped silently.
 *
 * @example
 * readPastedNumber('tel:+1-416-555-0199;ext=123', keyLetters)
 * // { ok: true, number: '+14165550199', extension: '123' }
 */
export function readPastedNumber(text: string, keypadLetters: KeypadLetters): PastedNumber {
  const letters = letterMap(keypadLetters)
  const clean = toAscii(text.replace(INVISIBLE, '')).trim()
  if (/^tel:/i.test(clean)) return readTelUri(clean.slice(4).trim())
  const extension = EXTENSION.exec(clean)
  if (extension) {
    const main = clean.slice(0, extension.index)
    const digitsBefore = main.replace(/\D/g, '').length
    if (!extension[0].startsWith('#') || digitsBefore >= MIN_DIGITS_BEFORE_HASH) {
      const read = readNumber(main, letters)
      return read.ok ? { ...read, extension: extension[1] ?? null } : read
    }
  }
  return readNumber(clean, letters)
}

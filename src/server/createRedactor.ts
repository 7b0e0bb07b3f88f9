/**
 * Finds and removes the handler's secrets (the API key, the account id) in any text that could
 * leave the server: response bodies, response headers, log lines. An upstream that echoes a
 * request back may do so in another spelling, so each secret is looked for as written in any
 * letter case, hex-encoded, and base64/base64url-encoded at each of the three byte alignments
 * (a secret inside a longer encoded value, like `Basic base64(key:)`, is still found).
 */
export interface Redactor {
  /** `value` with every form of every secret, and anything key-like, replaced by `[redacted]`. */
  redact(value: string): string
  /** True when `value` holds any form of any secret, or anything key-like. */
  finds(value: string): boolean
}

const REDACTED = '[redacted]'

/** Key-like tokens whoever the owner: DialStack keys (`sk_live_…`, `rk_test_…`) and bearer credentials. */
const KEY_LIKE = String.raw`\b[sr]k_(?:live|test)_[A-Za-z0-9_-]+|\bBearer\s+[A-Za-z0-9._~+/=-]+`

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The part of `secret`'s base64 that does not depend on the bytes around it, when `secret`
 * starts `offset` bytes (0–2) into an encoded value.
 */
function base64Core(secret: Uint8Array, offset: number): string {
  const padded = new Uint8Array(offset + secret.length)
  padded.set(secret, offset)
  const encoded = btoa(String.fromCharCode(...padded))
  return encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + secret.length) * 8) / 6))
}

function base64Forms(secret: string): string[] {
  const forms = new Set<string>()
  for (const spelling of [secret, secret.toUpperCase(), secret.toLowerCase()]) {
    const bytes = new TextEncoder().encode(spelling)
    for (const offset of [0, 1, 2]) {
      const core = base64Core(bytes, offset)
      forms.add(core)
      forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'))
    }
  }
  return [...forms]
}

const hex = (secret: string): string =>
  [...new TextEncoder().encode(secret)].map((byte) => byte.toString(16).padStart(2, '0')).join('')

/** A redactor for these secrets; blank or very short ones (under 4 characters) are ignored. */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const kept = [
    ...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4)),
  ]
  // Longest first, so a secret inside another is not half-replaced.
  const byLength = (a: string, b: string) => b.length - a.length
  const anyCase = [...kept, ...kept.map(encodeURIComponent), ...kept.map(hex)]
  const exactCase = kept.flatMap(base64Forms)
  const sources = [
    ...(anyCase.length > 0
      ? [`(?:${[...new Set(anyCase)].sort(byLength).map(escape).join('|')})`]
      : []),
    KEY_LIKE,
  ]
  const insensitive = new RegExp(sources.join('|'), 'gi')
  const sensitive =
    exactCase.length > 0
      ? new RegExp([...new Set(exactCase)].sort(byLength).map(escape).join('|'), 'g')
      : undefined
  return {
    redact(value) {
      const once = value.replace(insensitive, (match) =>
        /^bearer/i.test(match) ? `Bearer ${REDACTED}` : REDACTED,
      )
      return sensitive ? once.replace(sensitive, REDACTED) : once
    },
    finds(value) {
      insensitive.lastIndex = 0
      if (insensitive.test(value)) return true
      if (!sensitive) return false
      sensitive.lastIndex = 0
      return sensitive.test(value)
    },
  }
}

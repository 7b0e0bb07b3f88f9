/**
 * Small text helpers every client needs when it reads a provider's wire: what a value is, what a
 * thrown value says, digits of a number, a duration as a person reads it.
 */

/** A plain object (not null, not an array): a JSON object as read off a wire. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A non-empty string. */
export function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

/** What a thrown value says, for logs and `error.provider.message`. */
export const messageOf = (thrown: unknown): string =>
  thrown instanceof Error ? thrown.message : String(thrown)

/** Only the digits of a number (`"+1 (416) 555"` → `"1416555"`), for matching numbers across formats. */
export const digitsOf = (value: string | undefined): string | undefined => value?.replace(/\D/g, '')

/** A duration as a person reads it in a message: `"800 ms"`, `"15 s"`. */
export const formatDuration = (ms: number): string =>
  ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`

/** A value for a log line: JSON cut at `max` characters (a wire body can be large). */
export function preview(value: unknown, max = 200): string {
  let text: string
  try {
    text = typeof value === 'string' ? value : String(JSON.stringify(value))
  } catch {
    text = String(value)
  }
  return text.length > max ? `${text.slice(0, max)}…` : text
}

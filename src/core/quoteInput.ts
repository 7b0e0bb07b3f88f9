/** How much of a person's input an error message quotes. */
const QUOTE_LIMIT = 40

/**
 * A person's input as an error message quotes it: the first 40 characters, then `…`. A 1 MB paste
 * must not become a 1 MB message, `aria-label` or log line. Cuts between characters, never inside
 * a surrogate pair.
 *
 * @example
 * quoteInput('+1 416 555 0199') // '+1 416 555 0199'
 * quoteInput('9'.repeat(100)) // '9999…' (40 nines, then …)
 */
export function quoteInput(input: string, limit = QUOTE_LIMIT): string {
  if (input.length <= limit) return input
  // At most two UTF-16 units a character: this slice holds more than `limit` characters whenever
  // the input does, without splitting a 1 MB string into characters.
  const characters = Array.from(input.slice(0, limit * 2 + 2))
  return characters.length <= limit ? input : `${characters.slice(0, limit).join('')}…`
}

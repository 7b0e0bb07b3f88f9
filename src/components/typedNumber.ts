import { toDialable } from '../react/useDialpad.js'

/**
 * The number as the textbox shows it: formatted as typed, when the formatter only added spaces
 * and punctuation; else as it is, so what is shown is always what is dialed.
 */
export function showTypedNumber(value: string, format: (number: string) => string): string {
  const formatted = format(value)
  return toDialable(formatted) === value ? formatted : value
}

/** How many dialable characters of `text` come before `position`: a caret's place in the number. */
export function dialableBefore(text: string, position: number): number {
  return toDialable(text.slice(0, position)).length
}

/**
 * The position in `text` right after its `count`-th dialable character (the start for 0), so a
 * caret stays after the digit a person typed when formatting adds or moves spaces around it.
 */
export function positionAfter(text: string, count: number): number {
  if (count <= 0) return 0
  for (let position = 1; position < text.length; position++) {
    if (dialableBefore(text, position) >= count) return position
  }
  return text.length
}

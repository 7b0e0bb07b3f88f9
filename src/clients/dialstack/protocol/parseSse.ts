/**
 * A small Server-Sent Events parser (WHATWG HTML, "event stream interpretation"), for what
 * DialStack's stream needs: `data:` (several lines join with `\n`), `event:`, `id:`, comments,
 * and lines ended by CR, LF or CRLF, split anywhere across chunks. `retry:` and unknown fields
 * are ignored (the client keeps its own backoff). Decoding (and the BOM) is the caller's
 * `TextDecoder`'s job.
 */

/** One SSE message. */
export interface SseMessage {
  /** The `event:` field; `undefined` when absent or empty (the spec's default `message`). */
  event?: string | undefined
  /** This message's own `id:` field (not carried over to later messages). */
  id?: string | undefined
  data: string
}

/** A line: the field name up to the first `:`, then the value without one leading space. */
const LINE = /^([^:]*):? ?(.*)$/s

/** Returns `feed(text)`: give it the decoded stream piece by piece; whole messages go to `onMessage`. */
export function createSseParser(onMessage: (message: SseMessage) => void): (text: string) => void {
  /** The unfinished last line. */
  let rest = ''
  /** The previous piece ended with CR: a LF starting the next one belongs to it. */
  let afterCr = false
  let data: string[] = []
  let event: string | undefined
  let id: string | undefined

  function line(text: string) {
    if (text === '') {
      // A blank line ends the message; one without data lines is dropped, as the spec says.
      if (data.length > 0) onMessage({ event, id, data: data.join('\n') })
      data = []
      event = id = undefined
      return
    }
    // A comment (`:` first) has the field name '' and is ignored below.
    const [, field, value = ''] = LINE.exec(text)!
    if (field === 'data') data.push(value)
    else if (field === 'event') event = value || undefined
    else if (field === 'id' && !value.includes('\0')) id = value
  }

  return (text) => {
    if (text === '') return
    if (afterCr && text[0] === '\n') text = text.slice(1)
    afterCr = text.endsWith('\r')
    const lines = (rest + text).split(/\r\n?|\n/)
    rest = lines.pop()!
    lines.forEach(line)
  }
}

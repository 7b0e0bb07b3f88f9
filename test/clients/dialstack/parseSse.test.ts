import { createClientLogger } from '../../../src/client-kit/logger.js'
import { describe, expect, it, vi } from 'vitest'
import { connectEventStream } from '../../../src/clients/dialstack/connectEventStream.js'
import {
  createSseParser,
  type SseMessage,
} from '../../../src/clients/dialstack/protocol/parseSse.js'

/** Feeds `pieces` in order and returns every message. */
function parse(...pieces: string[]): SseMessage[] {
  const messages: SseMessage[] = []
  const feed = createSseParser((message) => messages.push(message))
  for (const piece of pieces) feed(piece)
  return messages
}

/** Every way to cut `text` in two, plus one character at a time. */
function splits(text: string): string[][] {
  const ways = [[text], [...text]]
  for (let at = 1; at < text.length; at += 1) ways.push([text.slice(0, at), text.slice(at)])
  return ways
}

describe('createSseParser', () => {
  it('reads data, event and id fields, one leading space stripped', () => {
    expect(parse('event: call.answered\nid: evt_1\ndata: {"a":1}\n\n')).toEqual([
      { event: 'call.answered', id: 'evt_1', data: '{"a":1}' },
    ])
    expect(parse('data:no space\n\n', 'data:  two spaces\n\n')).toEqual([
      { data: 'no space' },
      { data: ' two spaces' },
    ])
  })

  it('joins several data lines with LF', () => {
    expect(parse('data: {"a":\ndata: 1}\n\n')).toEqual([{ data: '{"a":\n1}' }])
    expect(parse('data\ndata\n\n')).toEqual([{ data: '\n' }])
  })

  it('ignores comments, retry, unknown fields, and messages without data', () => {
    expect(
      parse(
        ': keep-alive\n\n',
        'retry: 5000\nfoo: bar\n\n',
        'event: ping\nid: 7\n\n',
        ':x\ndata: y\n\n',
      ),
    ).toEqual([{ data: 'y' }])
  })

  it('keeps the message’s own id only, and drops an id containing NUL', () => {
    expect(parse('id: 1\ndata: a\n\ndata: b\n\nid: x\0y\ndata: c\n\n')).toEqual([
      { id: '1', data: 'a' },
      { data: 'b' },
      { data: 'c' },
    ])
  })

  it('treats an empty event name as the default, and a field without colon as having an empty value', () => {
    expect(parse('event:\ndata: a\n\nevent\ndata\n\n')).toEqual([{ data: 'a' }, { data: '' }])
  })

  it('keeps colons inside the value', () => {
    expect(parse('data: {"at":"12:00:01"}\n\n')).toEqual([{ data: '{"at":"12:00:01"}' }])
  })

  it('keeps line separators that are not CR or LF inside the value', () => {
    expect(parse('data: a\u2028b\u2029c\n\n')).toEqual([{ data: 'a\u2028b\u2029c' }])
  })

  it.each([
    ['LF', '\n'],
    ['CR', '\r'],
    ['CRLF', '\r\n'],
  ])('ends lines with %s, however the stream is cut', (_name, eol) => {
    const text = `: hi${eol}event: call.ringing${eol}data: 1${eol}data: 2${eol}${eol}data: 3${eol}${eol}`
    for (const pieces of splits(text)) {
      expect(parse(...pieces)).toEqual([{ event: 'call.ringing', data: '1\n2' }, { data: '3' }])
    }
  })

  it('does not read a CRLF split across chunks as two line ends', () => {
    expect(parse('data: a\r', '\ndata: b\r', '\n\r', '\n')).toEqual([{ data: 'a\nb' }])
    expect(parse('data: a\r', '', '\n\r\n')).toEqual([{ data: 'a' }])
  })

  it('mixes line ends', () => {
    expect(parse('data: a\rdata: b\ndata: c\r\n\n')).toEqual([{ data: 'a\nb\nc' }])
  })

  it('waits for the blank line: an unfinished message is not sent', () => {
    const messages: SseMessage[] = []
    const feed = createSseParser((message) => messages.push(message))
    feed('data: a\n')
    feed('data: b')
    expect(messages).toEqual([])
    feed('c\n\n')
    expect(messages).toEqual([{ data: 'a\nbc' }])
  })
})

describe('connectEventStream decoding', () => {
  it('decodes UTF-8 split across chunks and drops a leading BOM', async () => {
    const bytes = new TextEncoder().encode(
      '\uFEFFevent: call.ringing\r\ndata: {"to":"Zoë ☎"}\r\n\r\n',
    )
    const cuts = [1, 2, 30, bytes.length - 9, bytes.length - 8, bytes.length]
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        cuts.reduce((from, to) => (controller.enqueue(bytes.slice(from, to)), to), 0)
      },
    })
    const messages: SseMessage[] = []
    const stream = connectEventStream({
      getClientSecret: () => 'secret',
      fetch: async () => new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }),
      onMessage: (message) => messages.push(message),
      onOpen() {},
      onDown() {},
      onGiveUp() {},
      log: createClientLogger('dialstack', { warn() {}, debug() {} }),
      backoff: { initialMs: 60_000 },
    })
    await vi.waitFor(() =>
      expect(messages).toEqual([{ event: 'call.ringing', data: '{"to":"Zoë ☎"}' }]),
    )
    stream.close()
  })
})

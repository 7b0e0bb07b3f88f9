import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FetchHandler } from './DialStackHandlerOptions.js'

/** A Node `(req, res)` listener; Express calls it with `next` as the third argument. */
export type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void

/**
 * The request body as a web stream that reads only as fast as the handler pulls, so a body the
 * handler refuses at its size limit is never read further. Cancelling pauses the socket instead of
 * destroying it: the refusal (a 413) must still reach the client.
 */
function streamOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.pause()
        req.on('data', (chunk: Buffer) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
          if ((controller.desiredSize ?? 0) <= 0) req.pause()
        })
        req.once('end', () => controller.close())
        req.once('error', (error) => controller.error(error))
      },
      pull() {
        req.resume()
      },
      cancel() {
        req.pause()
      },
    },
    { highWaterMark: 1 },
  )
}

/** The body a parser such as `express.json()` already read, as JSON text again. */
function parsedBody(req: IncomingMessage): string | undefined {
  const parsed = (req as { body?: unknown }).body
  return req.readableEnded && parsed !== undefined ? JSON.stringify(parsed) : undefined
}

function toRequest(req: IncomingMessage): Request {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true
  const target = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/'
  // Joined as text, never resolved against a base: a target like `//other.host/x` stays a path.
  const url = new URL(
    `${encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}${target.startsWith('/') ? target : '/'}`,
  )
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value)
  }
  const method = req.method ?? 'GET'
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers })
  const reparsed = parsedBody(req)
  if (reparsed !== undefined) {
    headers.delete('content-length')
    return new Request(url, { method, headers, body: reparsed })
  }
  return new Request(url, { method, headers, body: streamOf(req), duplex: 'half' } as RequestInit)
}

/**
 * Serves a Fetch handler from Node's `http` server or Express (mount it before any body parser
 * on its path; if `express.json()` ran first, its parsed body is used). The body is streamed to
 * the handler, not buffered, so `maxBodyBytes` holds; when the handler answers before the body
 * is read whole (a 413), the connection is closed after the answer instead of draining the rest.
 *
 * @example
 * // Express 5
 * app.all('/api/dialstack/{*path}', toNodeHandler(createDialStackHandler({ … })))
 * // node:http
 * createServer(toNodeHandler(handler)).listen(3000)
 */
export function toNodeHandler(handler: FetchHandler): NodeHandler {
  return (req, res, next) => {
    void (async () => {
      let request: Request
      try {
        request = toRequest(req)
      } catch {
        res.writeHead(400, { 'Content-Type': 'text/plain', Connection: 'close' }).end('Bad request')
        return
      }
      const response = await handler(request)
      const body = Buffer.from(await response.arrayBuffer())
      const headers: Record<string, string | string[]> = {}
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie') headers[key] = value
      })
      const cookies = response.headers.getSetCookie()
      if (cookies.length > 0) headers['set-cookie'] = cookies
      const unread = !req.complete
      if (unread) headers.connection = 'close'
      res.once('finish', () => {
        if (unread) req.destroy()
      })
      res.writeHead(response.status, headers).end(body)
    })().catch((error: unknown) => {
      if (next) return next(error)
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  }
}

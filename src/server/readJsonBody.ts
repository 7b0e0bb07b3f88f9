import { isRecord } from '../client-kit/text.js'
import { readCapped } from './readCapped.js'

/** Why a body was refused: the status to answer with. */
export type BodyRefusal = 415 | 413 | 400

/**
 * True for `application/json` (parameters such as `charset` aside). Browsers send `text/plain`,
 * form and multipart bodies across sites without a CORS preflight; a JSON content type cannot be
 * sent that way, so requiring it keeps other sites from posting to the handler.
 */
export function isJsonContentType(value: string | null): boolean {
  return value?.split(';')[0]?.trim().toLowerCase() === 'application/json'
}

/**
 * Reads a JSON object from a request body as a stream, counting bytes (not characters), and
 * stops at `maxBytes`: a body past it is cancelled, never buffered whole, whatever its
 * `Content-Length` says or whether it is chunked.
 */
export async function readJsonBody(
  request: Request,
  maxBytes: number,
): Promise<Record<string, unknown> | BodyRefusal> {
  if (!isJsonContentType(request.headers.get('Content-Type'))) return 415
  const declared = Number(request.headers.get('Content-Length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => {})
    return 413
  }
  if (!request.body) return 400
  let bytes: Uint8Array | undefined
  try {
    bytes = await readCapped(request.body, maxBytes)
  } catch {
    return 400
  }
  if (!bytes) return 413
  try {
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    return isRecord(parsed) ? parsed : 400
  } catch {
    return 400
  }
}

/**
 * True when a browser sent this request from a page the app does not trust, so it must not
 * place a call or read one with the person's cookies:
 * - an `Origin` that is neither the request's own (same host; the scheme is not compared, since
 *   TLS often ends at a proxy in front of the app) nor in `allowedOrigins`;
 * - `Sec-Fetch-Site: cross-site` (a browser's own word for it), unless the `Origin` is listed.
 * Requests without these headers (servers, curl, older browsers on same-origin GETs) pass: the
 * JSON content type and the app's `authorize` still stand in their way.
 */
export function isCrossSiteRequest(
  request: Request,
  allowedOrigins: readonly string[] | undefined,
): boolean {
  const origin = request.headers.get('Origin')
  const listed = origin !== null && (allowedOrigins ?? []).includes(origin)
  if (request.headers.get('Sec-Fetch-Site')?.toLowerCase() === 'cross-site' && !listed) return true
  if (origin === null || listed) return false
  if (allowedOrigins) return true
  try {
    return new URL(origin).host !== new URL(request.url).host
  } catch {
    // `Origin: null` (sandboxed frames, file: pages) or garbage.
    return true
  }
}

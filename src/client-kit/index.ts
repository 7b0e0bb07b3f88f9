/**
 * The client kit: what every provider client is built from, written once. Framework-free (no
 * React, no DOM assumptions), so the browser clients and the server helper share it.
 *
 * - `createEventHub`: listener fan-out with one error policy (a throwing listener is isolated and
 *   reported once).
 * - `createCallRegistry`: tracked calls by library id and provider id, a bounded ended history
 *   (`historyLimit`), a monotonic `at`, snapshots that lead with each call's status.
 * - `checkStart`: the start preamble (disposed, dial string, associated object, aborted); any input
 *   resolves to an envelope.
 * - `createProviderErrors` and the standard errors (aborted, disposed, not supported, bad DTMF).
 * - `createBackoff`, `createPoller` (`poll: { intervalMs, maxIntervalMs, maxDurationMs }`),
 *   `documentVisibility`, `linkSignals`, `requestJson`/`httpError`.
 * - `createClientLogger` (`[provider] ` prefix, `once`), and the text helpers.
 * - `ClientWith`: a provider's named client type, with the controls it always has.
 */
export type { ClientControl, ClientWith } from './ClientWith.js'
export { createBackoff } from './backoff.js'
export type { Backoff, BackoffOptions } from './backoff.js'
export { checkStart } from './checkStart.js'
export type { CheckedStart, RefusedStart, StartCheckOptions, StartInput } from './checkStart.js'
export { createCallRegistry } from './createCallRegistry.js'
export type { CallRegistry, CallRegistryOptions, TrackedCall } from './createCallRegistry.js'
export { createEventHub } from './createEventHub.js'
export type { EventHub } from './createEventHub.js'
export { createPoller } from './createPoller.js'
export type { PollOptions, Poller, PollerOptions } from './createPoller.js'
export { createProviderErrors } from './createProviderErrors.js'
export type {
  ErrorTable,
  FromThrownOptions,
  ProviderDetails,
  ProviderErrors,
} from './createProviderErrors.js'
export { linkSignals } from './linkSignals.js'
export type { LinkedSignal } from './linkSignals.js'
export { consoleLogger, createClientLogger, logPrefix } from './logger.js'
export type { CallLogger, ClientLogger } from './logger.js'
export { documentVisibility } from './pageVisibility.js'
export type { PageVisibility } from './pageVisibility.js'
export { httpError, requestJson } from './request.js'
export type { JsonResponse, RequestOptions } from './request.js'
export {
  abortedError,
  badDtmfError,
  disposedError,
  isDtmf,
  notSupportedError,
} from './standardErrors.js'
export { positiveMs, resolvePollOptions } from './timeOptions.js'
export { digitsOf, formatDuration, isRecord, isText, messageOf, preview } from './text.js'

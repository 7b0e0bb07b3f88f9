/**
 * The one logger shape of every client, and its one prefix format: `[<provider>] message`.
 * Assumptions and debug notes are logged in development builds only; problems (`warn`) always.
 */

/** Where a client says which undocumented assumption came into play, and what went wrong. */
export type CallLogger = Pick<Console, 'warn' | 'debug'>

/**
 * Every client's default logger: assumptions at `debug`, problems at `warn`. It reads `console`
 * at call time, so an app's (or a test's) own console patching applies.
 */
export const consoleLogger: CallLogger = {
  debug: (...args: unknown[]) => console.debug(...args),
  warn: (...args: unknown[]) => console.warn(...args),
}

/** A client's logger: every line prefixed with `[<provider>] `, and `once` for notes that would repeat. */
export interface ClientLogger {
  /** An assumption or a note for developers; development builds only (`NODE_ENV !== 'production'`). */
  debug(message: string, ...details: unknown[]): void
  /** A problem a developer or support should see; logged in every build. */
  warn(message: string, ...details: unknown[]): void
  /**
   * Logs `message` the first time `key` is seen and never again for this client (an assumption
   * that holds for every call, a deprecated option). `debug` lines stay development-only.
   */
  once(key: string, level: 'debug' | 'warn', message: string, ...details: unknown[]): void
}

/** The prefix of every line a client logs: `[tether] `, `[genesys] `. */
export const logPrefix = (provider: string): string => `[${provider}] `

/**
 * Wraps an app's `logger` (default: the console) for the client named `provider`.
 *
 * @example
 * const log = createClientLogger('tether', options.logger)
 * log.once('order', 'debug', 'recording the call before dialing (assumed order).')
 */
export function createClientLogger(
  provider: string,
  logger: CallLogger = consoleLogger,
): ClientLogger {
  const prefix = logPrefix(provider)
  const seen = new Set<string>()
  const log: ClientLogger = {
    debug(message, ...details) {
      if (process.env.NODE_ENV !== 'production') logger.debug(prefix + message, ...details)
    },
    warn(message, ...details) {
      logger.warn(prefix + message, ...details)
    },
    once(key, level, message, ...details) {
      if (seen.has(key)) return
      seen.add(key)
      log[level](message, ...details)
    },
  }
  return log
}

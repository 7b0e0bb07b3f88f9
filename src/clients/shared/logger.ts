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

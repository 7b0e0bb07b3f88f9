/** One signal that aborts when any of `signals` does, and `unlink` to stop listening to them. */
export interface LinkedSignal {
  signal: AbortSignal
  /** Removes the listeners from `signals` (call it when the work is over). */
  unlink(): void
}

/**
 * Aborts when any of the signals does, e.g. the caller's start signal and the client's lifetime
 * (aborted on `dispose`). `AbortSignal.any` is too new for some browsers the library supports.
 */
export function linkSignals(signals: readonly (AbortSignal | undefined)[]): LinkedSignal {
  const controller = new AbortController()
  const abort = () => controller.abort()
  for (const signal of signals) {
    if (signal?.aborted) abort()
    signal?.addEventListener('abort', abort)
  }
  return {
    signal: controller.signal,
    unlink: () => {
      for (const signal of signals) signal?.removeEventListener('abort', abort)
    },
  }
}

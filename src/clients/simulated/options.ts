import {
  ALL_CAPABILITIES,
  type CallCapabilities,
  type CallerId,
  type Disposition,
} from '../../core/CallClient.js'
import type { SimulatedCallStorageOption } from './storedCalls.js'

/** How a simulated call goes once it rings. `timeout` fails the start like Bright Pattern's `"Timeout error"`. */
export type SimulatedOutcome = 'answered' | 'busy' | 'no-answer' | 'failed' | 'timeout'

/** Milliseconds between the steps of a simulated call. */
export interface SimulatedDelays {
  /** `startCall` resolving. @default 300 */
  start: number
  /** dialing → ringing. @default 1000 */
  ringing: number
  /** ringing → connected (or busy, failed). @default 2000 */
  answer: number
  /** ringing → ended with `no-answer`. @default 6000 */
  noAnswer: number
}

/** Options of `createSimulatedClient`. */
export interface SimulatedClientOptions {
  /** How the next calls go. @default 'answered' */
  outcome?: SimulatedOutcome
  delays?: Partial<SimulatedDelays>
  /** Ends a connected call by itself after this long. @default stays connected until hung up */
  callDurationMs?: number
  /**
   * Answer starts with `{ id: null }` and let the dialpad take the number, like Bright Pattern's
   * Deferred Dial. A start for the number deferred last dials it (the person pressed Call).
   * @default false
   */
  deferredDial?: boolean
  /**
   * Ended calls the simulator remembers (for `calls()`, snapshots and stream restores); older
   * ones are forgotten so a long soak holds constant memory. The same option in every client.
   * @default 50
   */
  historyLimit?: number
  /**
   * What every call id of this client starts with; the calls are numbered after it. A call log
   * persists entries by id, so the default differs on every page load (`sim-k3f9-1`): a new
   * load's `sim-…-1` never meets an entry an earlier load saved. Give a fixed prefix (`'sim-'`)
   * for ids a test can name.
   * @default 'sim-' + four random letters or digits + '-'
   */
  idPrefix?: string
  /** Turn capabilities off to show a provider that lacks them: those controls then resolve `not_supported`. */
  capabilities?: Partial<CallCapabilities>
  /**
   * Keeps the agent in after-call work when a call ends (`ended` with `afterCallWork`), until
   * `completeWrapUp`, like a contact-center provider. @default false
   */
  afterCallWork?: boolean
  /** The provider's own dispositions, returned by `listDispositions`. @default none (the method is absent) */
  dispositions?: Disposition[]
  /**
   * The numbers the person may call from, returned by `listCallerIds` (capability `callerId`); a
   * start from any other number is refused. @default none (no choice, the method is absent)
   */
  callerIds?: CallerId[]
  /**
   * `simulatedCallStorage(localStorage)` keeps the simulated phone system's calls there, as a
   * real provider keeps them on its server: another simulated client on the same storage
   * (another tab's) adopts them on `snapshot()`, so with shared tabs a tab that takes over from a
   * closed leader can still show and control its calls, which go on with their script (ringing,
   * the answer, `callDurationMs`) when they were due to.
   * @default none (the calls live in this page only)
   */
  callStorage?: SimulatedCallStorageOption
}

/** The options `control.setOptions` may change while the client runs. */
export type SimulatedSettings = Pick<
  SimulatedClientOptions,
  'outcome' | 'deferredDial' | 'callDurationMs'
>

export const DEFAULT_SIMULATED_DELAYS: Readonly<SimulatedDelays> = Object.freeze({
  start: 300,
  ringing: 1000,
  answer: 2000,
  noAnswer: 6000,
})

/** Four letters or digits, different on each page load (not a secret: only ids must not repeat). */
function randomTag(): string {
  const bytes = new Uint8Array(4)
  if (typeof crypto !== 'undefined' && crypto.getRandomValues) crypto.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return Array.from(bytes, (byte) => (byte % 36).toString(36)).join('')
}

/** The options with their defaults filled in. */
export function resolveSimulatedOptions(options: SimulatedClientOptions) {
  return {
    delays: { ...DEFAULT_SIMULATED_DELAYS, ...options.delays } as SimulatedDelays,
    capabilities: {
      ...ALL_CAPABILITIES,
      answer: true,
      decline: true,
      ...(options.afterCallWork && { afterCallWork: true }),
      ...(options.callerIds && { callerId: true }),
      ...options.capabilities,
    } as CallCapabilities,
    historyLimit: options.historyLimit ?? 50,
    idPrefix: options.idPrefix ?? `sim-${randomTag()}-`,
  }
}

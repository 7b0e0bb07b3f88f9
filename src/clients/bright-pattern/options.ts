import type { CallLogger } from '../../client-kit/logger.js'
import { positiveMs } from '../../client-kit/timeOptions.js'
import type {
  ActivityRecordInfo,
  AdApi,
  AdApiInitOptions,
  InteractionActivityData,
  InteractionData,
} from './protocol/AdApi.js'
import type { BrightPatternAfterCallWork } from './afterCallWork.js'
import type { BrightPatternCallerId } from './callerIds.js'
import { bpErrors } from './protocol/brightPatternErrors.js'
import { DEFAULT_STATE_MAP, type BrightPatternStep } from './protocol/interactionStateMap.js'
import type { BrightPatternStateMap } from './protocol/interactionStateMap.js'

/** Where the client logs assumptions (debug) and problems (warn). Default: the console. */
export type BrightPatternLogger = CallLogger

/** Options every Bright Pattern client takes, however it gets its `adApi`. */
export interface BrightPatternCommonOptions {
  /**
   * Overrides entries of the state map (`InteractionState` → lifecycle step, one for every call
   * or `{ inbound, outbound }`). The states are routing states, documented without a meaning per
   * value. Default: `queued`/`ivr`/`unknown` → dialing; `delivery_pending` → ringing inbound,
   * dialing outbound; `delivered` (the call reached the agent) → connected inbound, dialing
   * outbound until `answerSignal`; `hold` → held; `wrap_up`/`wrap_up_hold` → ended with
   * after-call work; `completed` → ended. A state in no entry keeps the call's state and shows
   * the raw name.
   */
  stateMap?: BrightPatternStateMap
  /**
   * Says when the far end of an outbound call answered. Bright Pattern documents no such state,
   * event or field, so by default an outbound call shows "connected" only once it was put on hold
   * (only an answered call can be) and stays dialing otherwise. Give the signal your tenant sends,
   * e.g. `(interaction) => (interaction.duration ?? 0) > 0` if `duration` starts counting at the
   * answer. Called with every report about an outbound call.
   * @default undefined (no answer signal)
   */
  answerSignal?: (interaction: InteractionData) => boolean
  /**
   * Answers the widget's `ON_SAVE_ACTIVITY_RECORD` (the agent saves the call's activity; the
   * widget awaits your CRM record's id). When given, the client registers that callback, reads the
   * interaction's records from `activity.associatedObjects` (the current field;
   * `InteractionData.associatedObjects` is deprecated and read only as a fallback), and returns
   * your answer to the widget. Without it the client does not register the callback, so it never
   * answers for your app.
   * @default undefined
   */
  onSaveActivityRecord?: (
    activity: InteractionActivityData,
  ) => ActivityRecordInfo | undefined | void | Promise<ActivityRecordInfo | undefined | void>
  /**
   * How `hangup()` ends a call. `'leave'` (default) calls `leaveInteraction`, which is assumed to
   * release the agent's leg and leave wrap-up to the widget; `'leaveAndComplete'` calls
   * `leaveAndCompleteInteraction`, which also completes the interaction.
   * @default 'leave'
   */
  hangupMethod?: 'leave' | 'leaveAndComplete'
  /**
   * Caller ID from your app: `brightPatternCallerId()`, for `CallerIdSelect` / `useCallerIds` to
   * list the agent's DIDs and a start's `from` to choose one. Without it `capabilities.callerId` is
   * `false`, `listCallerIds` and a start with `from` are refused with `not_supported` (nothing is
   * dialed), and calls go out from the number chosen in the widget.
   * @default undefined
   */
  callerId?: BrightPatternCallerId
  /**
   * The wrap-up from your app: `brightPatternAfterCallWork({ dispositionValue })`, for
   * `CallLogProvider`'s `WrapUpForm` to list the widget's dispositions and complete its after-call
   * work. Without it `capabilities.afterCallWork` is `false`, `listDispositions` and
   * `completeWrapUp` resolve `not_supported`, and the agent completes the wrap-up in the widget.
   * @default undefined
   */
  afterCallWork?: BrightPatternAfterCallWork
  /**
   * How long a deferred dial waits for the agent to press Dial in the widget (ms). The first
   * outbound voice interaction to the same number within it takes the deferred call's place;
   * after it, the deferred call ends as `canceled`.
   * @default 120000
   */
  deferredCorrelationMs?: number
  /**
   * How long to wait for the first event about an interaction `startCall` created (ms). Without
   * one, the call fails with `timeout`, like the widget's own `"Timeout error"`.
   * @default 30000
   */
  firstEventTimeoutMs?: number
  /**
   * Ended calls kept for snapshots and late callbacks; older ones are forgotten so memory stays
   * flat in a long session.
   * @default 50
   */
  historyLimit?: number
  /**
   * The unit of `InteractionData.startTime` (not documented). Used only to date calls first seen
   * in a snapshot, so a call timer after a reload starts from the call's start.
   * @default 'ms'
   */
  timeUnit?: 'ms' | 's'
  /**
   * Receives debug lines (each undocumented assumption as it comes into play; development builds
   * only, as `process.env.NODE_ENV !== 'production'`) and warnings, every line prefixed
   * `[bright-pattern] `.
   * @default console
   */
  logger?: BrightPatternLogger
}

/** Use an `adApi` the app already created. */
export interface BrightPatternAdApiOptions extends BrightPatternCommonOptions {
  /** The widget SDK instance (`new window.brightpattern.AdApi(…)`). The client never disposes it. */
  adApi: AdApi
  scriptUrl?: never
  initOptions?: never
}

/** Let the client load the tenant's `api.js` and create the `adApi`. */
export interface BrightPatternScriptOptions extends BrightPatternCommonOptions {
  adApi?: never
  /**
   * The tenant's SDK script: `https://<tenant>/agent/communicator/adapters/api.js` (Communicator
   * Widget 1.0) or `…/agent/crmembedded/adapters/api.js` (2.0). Loaded once per URL per page.
   */
  scriptUrl: string
  /** Options for `new window.brightpattern.AdApi(initOptions)`, e.g. `{ mountRoot }`. */
  initOptions?: AdApiInitOptions
  /** Give up on one load after this long (ms). @default 30000 */
  scriptTimeoutMs?: number
  /**
   * After a failed load, try again after this delay (ms), doubling up to 30 s, while the
   * connection shows `reconnecting`.
   * @default 1000
   */
  scriptRetryDelayMs?: number
}

/** Either an `adApi`, or a `scriptUrl` to load one from. */
export type BrightPatternClientOptions = BrightPatternAdApiOptions | BrightPatternScriptOptions

const FACTORY = 'createBrightPatternClient'

/** Every option, read the same way whichever way the client gets its `adApi`. */
export type AnyBrightPatternOptions = BrightPatternCommonOptions &
  Omit<Partial<BrightPatternScriptOptions>, 'adApi'> & { adApi?: AdApi }

/** The options checked, with their defaults (a developer mistake throws when the client is created). */
export function resolveBrightPatternOptions(options: AnyBrightPatternOptions) {
  if (!options.adApi && !options.scriptUrl)
    bpErrors.misconfigured(
      FACTORY,
      'give adApi (the widget SDK instance) or scriptUrl (the tenant’s api.js)',
    )
  const ms = (name: keyof AnyBrightPatternOptions, fallback: number) =>
    positiveMs(FACTORY, name, options[name], fallback)
  return {
    firstEventTimeoutMs: ms('firstEventTimeoutMs', 30_000),
    deferredCorrelationMs: ms('deferredCorrelationMs', 120_000),
    scriptTimeoutMs: ms('scriptTimeoutMs', 30_000),
    scriptRetryDelayMs: ms('scriptRetryDelayMs', 1000),
    timeUnit: options.timeUnit ?? 'ms',
    stateMap: new Map<string, BrightPatternStep>(
      Object.entries({ ...DEFAULT_STATE_MAP, ...options.stateMap }).filter(
        (entry): entry is [string, BrightPatternStep] => entry[1] !== undefined,
      ),
    ),
  }
}

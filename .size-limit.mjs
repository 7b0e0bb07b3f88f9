/**
 * Size budgets, checked by `npx size-limit` in `npm test` after the build.
 *
 * Each line bundles a tiny app that imports from the built package (`dist/`), minifies it with
 * esbuild and gzips it, so tree-shaking is measured as an app gets it. `react`, `react-dom`,
 * `@tanstack/react-query` (the peers) are never counted; the runtime dependencies an app pays for
 * (zustand) are. Genesys loads `cometd` on demand: its line leaves it out and
 * the next line reports it alone.
 *
 * Two numbers per budgeted line: the project's target, and the ceiling CI enforces today. Where
 * the code does not meet the target yet, the ceiling is the measured size plus a little room, so
 * any growth fails CI while the gap stays visible (`npx size-limit` prints both; the README and
 * docs/benchmarks.md say where the bytes go).
 *
 * For context, the published figures for other packages: `@twilio/voice-sdk` 46.6 kB, `react-phone-number-input`
 * 49.5 kB, `amazon-connect-streams` 202 kB.
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
/** The built package. `RCC_DIST` points the budgets at another build (e.g. a partial one). */
const dist = process.env.RCC_DIST ?? 'dist'
const peers = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  'react-dom/client',
  '@tanstack/react-query',
]

/** True when a module of libphonenumber-js (code or metadata) made it into the output. */
function hasPhoneMetadata(metafile) {
  return Object.values(metafile.outputs).some((output) =>
    Object.entries(output.inputs).some(
      ([path, input]) => path.includes('libphonenumber-js') && input.bytesInOutput > 0,
    ),
  )
}

/**
 * An esbuild plugin that fails the build unless the output does (`expected: true`) or does not
 * (`false`) contain libphonenumber-js. The `true` side proves the detector is not vacuous.
 */
function phoneMetadata(expected) {
  return {
    name: 'phone-metadata',
    setup(build) {
      build.onEnd((result) => {
        if (!result.metafile || hasPhoneMetadata(result.metafile) === expected) return undefined
        const text = expected
          ? 'libphonenumber-js is missing from an app that normalizes local numbers: the metadata check is broken.'
          : 'An app that dials E.164 numbers only bundles libphonenumber-js: phone metadata must stay behind `react-click-to-call/phone`.'
        return { errors: [{ text }] }
      })
    },
  }
}

/**
 * An esbuild plugin that leaves the package's own `core/` out: a client line then counts the
 * client's code and its own dependencies, while the core it shares is counted once, in the
 * headless line every app pays.
 */
const coreExternal = {
  name: 'core-external',
  setup(build) {
    build.onResolve({ filter: /\/core\// }, (args) =>
      // The clients and the client kit they are built from share the app's core.
      /\/(clients|client-kit)\//.test(args.importer)
        ? { path: args.path, external: true }
        : undefined,
    )
  },
}

/**
 * Every line is an app's production build: bundlers replace `process.env.NODE_ENV`, which drops
 * the library's developer-only hints and debug logs (`if (process.env.NODE_ENV !== 'production')`).
 */
const production = (plugins) => (config) => ({
  ...config,
  define: { ...config.define, 'process.env.NODE_ENV': '"production"' },
  plugins: [...(config.plugins ?? []), ...plugins],
})

/**
 * One line: an app importing `names` from each entry. `budget` is `{ target, ceiling }` in kB:
 * CI fails past the ceiling; the name shows the target when the ceiling is above it.
 */
function line(name, imports, budget, { plugins = [], ...extra } = {}) {
  const entry = Object.fromEntries(
    Object.entries(imports).map(([file, names]) => [
      file.startsWith('/') ? file : `${dist}/${file}`,
      names,
    ]),
  )
  const label =
    budget && budget.ceiling > budget.target
      ? `${name} [target ${budget.target} kB, not met yet]`
      : name
  return {
    name: label,
    import: entry,
    ignore: peers,
    gzip: true,
    modifyEsbuildConfig: production(plugins),
    ...(budget && { limit: `${budget.ceiling} kB` }),
    ...extra,
  }
}

/** A provider client's line: its own code, the shared core left out (see `coreExternal`). */
const client = (name, budget, extra = {}) =>
  line(`client: ${name}`, { [`clients/${name.split(' ')[0]}/index.js`]: '*' }, budget, {
    ...extra,
    plugins: [coreExternal],
  })

export default [
  line(
    'headless: CallProvider + useStartCall + store + simulated client',
    {
      'index.js': '{ CallProvider, useStartCall }',
      'clients/simulated/index.js': '{ createSimulatedClient }',
    },
    // 6.45 → 6.7: the `completed` event in the reducer and the simulator's after-call work (call log, wrap-up).
    // 6.7 → 7.34 (7.20 measured + 2%): one live call per number (joins, the placed call in the
    // store, whileOnCall refuse / hold-and-dial) and callbacks once per start.
    // 7.34 → 9.12 (8.94 measured + 2%): the simulated client on the client kit (call registry,
    // event hub, start checks, provider errors, logger), the modules every provider client shares.
    // 9.12 → 9.59 (9.40 measured + 2%): simulated inbound calls (control.ring, answer, decline),
    // the inbound outcomes and the answer/decline controls.
    // 9.59 → 10.0 (9.80 measured + 2%): clickToDial in the runtime and the readiness rules in
    // context; caller ID per call (a start's `from` checked and kept on the call, the chosen
    // number in the store, the simulator's list and refusal).
    // 9.59 → 9.79 (9.6 measured + 2%): errors quote at most 40 characters of the input, and a record's
    // customFields must be a plain object (Map, array, class instance refused).
    // → 10.22 (10.02 measured + 2%): both of the above together.
    { target: 3, ceiling: 10.22 },
  ),
  line(
    'components + hooks + core (the whole root entry, no phone metadata)',
    { 'index.js': '*' },
    // 13.57 kB measured with CallButton variants and sizes, its always-visible reason and the
    // Lucide icons drawn verbatim (several elements each); 14.74 kB with the Softphone panel (an
    // app that does not render it tree-shakes it: this line imports the whole entry); with one
    // live call per number (runtime, CallButton showing its number’s live call, bad-prop reason)
    // and the Dialpad's lock, focus and held hint: 15.89 kB measured + 2%.
    // 16.21 → 17.31 (16.97 measured + 2%): inbound calls (answer/decline controls, their words in
    // the catalog) and useCallShortcuts (an app that does not call it tree-shakes it).
    // 17.31 → 18.17 (17.81 measured + 2%): ready to call (useCallReadiness, each CallButton's and
    // the Dialpad's reason, clickToDial) and caller ID per call (CallButton `from`, two strings).
    // 17.31 → 19.48 (19.1 measured + 2%): the banner listing every live call with its own controls, the Dialpad's paste
    // rules (tel: URIs, extensions sent as tones, keypad letters, foreign digits, refusals with
    // their reason and their words in the catalog) and 40-character quotes.
    // → 20.39 (19.99 measured + 2%): both of the above together.
    // → 20.81 (20.4 measured + 2%): the banner's incoming-call view (Answer, Decline, the matches slot screen pop fills).
    // → 21.37 (20.95 measured + 2%): the Softphone's incoming view (Answer, Decline, the matches) and
    // the banner's incoming rows in Other calls, with the editor that keeps every typed row.
    { target: 12, ceiling: 21.37 },
  ),
  // The call log is its own import (`react-click-to-call/call-log`): the lines above pay nothing
  // for it. This line is the headless app plus the log; the difference is what logging adds.
  line('headless + call log: + CallLogProvider + WrapUpForm + RecentCalls (reported)', {
    'index.js': '{ CallProvider, useStartCall }',
    'clients/simulated/index.js': '{ createSimulatedClient }',
    'call-log/index.js': '{ CallLogProvider, WrapUpForm, RecentCalls }',
  }),
  // Screen pop is its own import (`react-click-to-call/screen-pop`): the lines above pay nothing
  // for it. This line is the headless app plus screen pop.
  // 10.43 kB measured + 2% (it includes the strings catalog CallerMatches shows).
  // 10.64 → 12.37 (12.13 measured + 2%): the simulated client on the client kit (see headless).
  line(
    'headless + screen pop: + ScreenPopProvider + CallerMatches',
    {
      'index.js': '{ CallProvider, useStartCall }',
      'clients/simulated/index.js': '{ createSimulatedClient }',
      'screen-pop/index.js': '{ ScreenPopProvider, CallerMatches }',
    },
    // 12.37 → 12.74 (12.49 measured + 2%): simulated inbound calls (see headless).
    // 12.74 → 13.24 (12.98 measured + 2%): the headless app under it (ready to call, caller ID).
    // 12.74 → 13.11 (12.85 measured + 2%): 40-character quotes and the plain customFields check.
    // → 13.66 (13.39 measured + 2%): both of the above together.
    { target: 10.64, ceiling: 13.66 },
  ),
  // Caller ID is its own import (`react-click-to-call/caller-id`): the lines above pay nothing for
  // its hook and select. This line is the headless app plus the choice of number.
  line('headless + caller ID: + useCallerIds + CallerIdSelect (reported)', {
    'index.js': '{ CallProvider, useStartCall }',
    'clients/simulated/index.js': '{ createSimulatedClient }',
    'caller-id/index.js': '{ CallerIdSelect }',
  }),
  // Shared tabs are their own import (`react-click-to-call/tabs`): the lines above pay nothing for
  // them. This line is the headless app plus one phone shared across tabs (reported).
  line('headless + shared tabs: + sharedTabs + useTabRole (reported)', {
    'index.js': '{ CallProvider, useStartCall }',
    'clients/simulated/index.js': '{ createSimulatedClient }',
    'tabs/index.js': '{ sharedTabs, useTabRole }',
  }),
  client('simulated (reported: it is in the headless line)'),
  // Bright Pattern fidelity: the answer signal and per-direction state map, phone readiness
  // (canDial, ON_SOFTPHONE_STATUS_CHANGE) and records from ON_SAVE_ACTIVITY_RECORD: 6.86 kB measured.
  // Bright Pattern on the client kit (registry, hub, logger, start checks, provider errors,
  // backoff, time options) in one module per concern; debug lines keep their words in the
  // bundle (the kit's logger drops them at run time in production): 9.82 kB measured.
  // After-call work (getDispositionsList, leaveAndCompleteInteraction, completed): 10.29 kB measured.
  // 10.5 → 10.99 (10.77 measured + 2%): inbound answer/decline (acceptInteraction,
  // rejectInteraction, canAnswer) and caller ID (getDIDNumbersList, setDIDNumber).
  client('bright-pattern', { target: 3, ceiling: 10.99 }),
  // Client kit: the HTTP helper's aborted and time-out errors now come from the kit's standard
  // errors (one wording each), +56–65 B on each HTTP client.
  // Tether on the client kit (registry, poller with maximum duration and hidden-page rest, start
  // checks, full-text errors) and the voice SDK's hold, mute and DTMF controls: 7.11 kB measured.
  // Inbound calls (incoming, answer, decline through the voice SDK; sdk/inbound, sdk/answer and
  // the reject recorded in Tether): 7.83 kB measured + 2%.
  client('tether', { target: 3, ceiling: 7.99 }),
  // DialStack on the client kit (registry, poller with backoff, start checks, provider errors,
  // logger with its debug lines in the bundle, backoff) in modules per concern: 10.28 kB measured.
  // 10.49 → 11.0 (10.78 measured + 2%): incoming calls (call.incoming as a screen pop, tied to
  // later inbound events by caller, ended after a ring time-out).
  client('dialstack', { target: 3, ceiling: 11.0 }),
  // Genesys on the client kit (registry, start checks, full-text errors), the calls' state read
  // with fields=* and retried with backoff, inbound calls (ani): 7.4 kB measured.
  client(
    'genesys (without cometd, loaded on demand)',
    // 7.55 → 7.77 (7.62 measured + 2%): outboundCallerId per Dial and the configured caller IDs.
    // 7.55 → 7.72 (7.57 measured + 2%): the kit's errors quote at most 40 characters of the input.
    // 7.72 → 8.03 (7.87 measured + 2%): the factory split into modules (dial, operations, resync).
    // 8.03 → 8.65 (8.48 measured + 2%): after-call work; the line counts the whole entry ('*'),
    // while an app that does not import genesysAfterCallWork leaves it out.
    { target: 3, ceiling: 8.65 },
    { ignore: [...peers, 'cometd'] },
  ),
  line('cometd itself (Genesys loads it on demand; reported, not budgeted)', {
    [require.resolve('cometd')]: '{ CometD }',
  }),
  line(
    'E.164-only app: root entry + simulated client (fails if it bundles libphonenumber-js)',
    { 'index.js': '*', 'clients/simulated/index.js': '{ createSimulatedClient }' },
    undefined,
    { plugins: [phoneMetadata(false)] },
  ),
  line(
    'local-number app: + createPhoneNumberParser + libphonenumber-js/min metadata (reported; fails without it)',
    {
      'index.js': '*',
      'clients/simulated/index.js': '{ createSimulatedClient }',
      'phone/index.js': '{ createPhoneNumberParser }',
      [require.resolve('libphonenumber-js/min/metadata')]: 'metadata',
    },
    undefined,
    { plugins: [phoneMetadata(true)] },
  ),
]

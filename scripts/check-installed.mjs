#!/usr/bin/env node
/**
 * The package as a user installs it: `npm pack` → a fresh Vite + React app in a temporary
 * directory that installs the tarball from disk and everything else from the npm registry →
 * typecheck against the published `.d.ts` → `vite build` → serve the build and, in Chromium,
 * click a CallButton that places a simulated call and watch the banner follow it.
 *
 * The app is shaped like `npm create vite@latest -- --template react-ts` (its `main.tsx` and its
 * strict `tsconfig`), and its `src/App.tsx` is the README's Quick start, pasted unchanged: the
 * Quick start must compile and place a call exactly as a newcomer copies it.
 *
 *   node scripts/check-installed.mjs --react 19   (React 19, the repo's versions)
 *   node scripts/check-installed.mjs --react 18   (React 18 and its types: the peer range)
 *
 * Needs `npm run build` first. Installs with `--prefer-offline`, so a warm npm cache (CI runs
 * `npm ci` first) makes it quick.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readmeQuickStart } from './readmeQuickStart.mjs'
import { launch, watchPage } from '../bench/lib/browser.mjs'
import { serve } from '../bench/lib/serve.mjs'

const reactIndex = process.argv.indexOf('--react')
const react = reactIndex === -1 ? '19' : process.argv[reactIndex + 1]
if (react !== '18' && react !== '19') {
  console.error('Usage: node scripts/check-installed.mjs --react 18|19')
  process.exit(2)
}

const repo = JSON.parse(readFileSync('package.json', 'utf8'))
const dev = repo.devDependencies
/** React and its types per major; the rest of the toolchain is the repo's own (already in the npm cache). */
const reactVersions =
  react === '19'
    ? {
        react: dev.react,
        'react-dom': dev['react-dom'],
        '@types/react': dev['@types/react'],
        '@types/react-dom': dev['@types/react-dom'],
      }
    : {
        react: '^18.3.1',
        'react-dom': '^18.3.1',
        '@types/react': '^18.3.0',
        '@types/react-dom': '^18.3.0',
      }

const started = Date.now()
const step = (text) =>
  console.log(`▶ [React ${react}, ${((Date.now() - started) / 1000).toFixed(1)} s] ${text}`)
const sh = (command, args, cwd) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })

const dir = mkdtempSync(join(tmpdir(), `rcc-installed-react${react}-`))
const app = join(dir, 'app')
try {
  step('npm pack')
  const [{ filename }] = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', dir]))
  const tarball = join(dir, filename)

  step('writing a Vite + React app')
  mkdirSync(join(app, 'src'), { recursive: true })
  const files = {
    'package.json': {
      name: 'rcc-installed-app',
      private: true,
      type: 'module',
      dependencies: {
        'react-click-to-call': `file:${tarball}`,
        '@tanstack/react-query': dev['@tanstack/react-query'],
        react: reactVersions.react,
        'react-dom': reactVersions['react-dom'],
      },
      devDependencies: {
        '@types/react': reactVersions['@types/react'],
        '@types/react-dom': reactVersions['@types/react-dom'],
        '@vitejs/plugin-react': dev['@vitejs/plugin-react'],
        typescript: dev.typescript,
        vite: dev.vite,
      },
    },
    'tsconfig.json': {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        module: 'ESNext',
        moduleResolution: 'Bundler',
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        // As strict as the react-ts template: the Quick start must pass these too.
        allowImportingTsExtensions: true,
        moduleDetection: 'force',
        noUnusedLocals: true,
        noUnusedParameters: true,
        erasableSyntaxOnly: true,
        noFallthroughCasesInSwitch: true,
        noUncheckedSideEffectImports: true,
        // The app's own code is checked with the library's types; node_modules is not ours to check.
        skipLibCheck: true,
        types: ['vite/client'],
      },
      include: ['src'],
    },
    'vite.config.js':
      "import react from '@vitejs/plugin-react'\nimport { defineConfig } from 'vite'\n\nexport default defineConfig({ plugins: [react()] })\n",
    'index.html':
      '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n    <link rel="icon" href="data:," />\n    <title>Installed</title>\n  </head>\n  <body>\n    <div id="root"></div>\n    <div id="checks"></div>\n    <script type="module" src="/src/main.tsx"></script>\n    <script type="module" src="/src/checks.tsx"></script>\n  </body>\n</html>\n',
    // The react-ts template's main.tsx, verbatim, rendering the README's Quick start in #root.
    'src/main.tsx': `import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import App from './App.tsx'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
`,
    'src/App.tsx': readmeQuickStart(),
    'src/checks.tsx': `import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { CallButton, CallProvider, CallStatusBanner, useStartCall, type CallButtonProps } from 'react-click-to-call'
import { createSimulatedClient, type SimulatedClient } from 'react-click-to-call/clients/simulated'
import { isCallError, type CallStatus, type InteractionAssociatedObject } from 'react-click-to-call/core'
import 'react-click-to-call/styles.css'

const contact: InteractionAssociatedObject = {
  id: 'contact-42',
  type: 'contact',
  displayName: 'Ada Lovelace',
  displayType: 'Contact',
  customFields: { accountTier: 'Gold' },
}

// The published types are real types, not \`any\`: each of these lines must be an error.
// @ts-expect-error phoneNumber is required
const missing: CallButtonProps = { associatedObject: contact }
// @ts-expect-error not a call status
const status: CallStatus = 'on-the-moon'
void missing
void status

function Headless() {
  const { startCall, isPending, error } = useStartCall()
  const message: string | undefined = error && isCallError(error) ? error.code : undefined
  return (
    <button type="button" onClick={() => startCall('+14165550100')} disabled={isPending}>
      {message ?? 'Headless call'}
    </button>
  )
}

function App() {
  const [client] = useState<SimulatedClient>(() => createSimulatedClient({ delays: { start: 50, ringing: 100, answer: 150 } }))
  return (
    <CallProvider client={client}>
      <CallButton phoneNumber="+14165550199" associatedObject={contact} />
      <Headless />
      <CallStatusBanner />
    </CallProvider>
  )
}

createRoot(document.getElementById('checks')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
`,
  }
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(
      join(app, name),
      typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`,
    )
  }

  step('npm install (tarball + registry)')
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app)
  const installed = (name) =>
    JSON.parse(readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8')).version
  const versions = Object.fromEntries(
    ['react', 'react-dom', '@types/react', '@tanstack/react-query', 'react-click-to-call'].map(
      (name) => [name, installed(name)],
    ),
  )
  console.log(
    `  installed: ${Object.entries(versions)
      .map(([name, version]) => `${name}@${version}`)
      .join(', ')}`,
  )
  if (!versions.react.startsWith(`${react}.`))
    throw new Error(`Expected React ${react}, got ${versions.react}.`)

  step('typecheck against the published .d.ts (tsc)')
  sh('npx', ['--no-install', 'tsc', '-p', '.'], app)

  step('vite build')
  sh('npx', ['--no-install', 'vite', 'build', '--logLevel', 'error'], app)

  step('render in Chromium: click CallButton, follow the simulated call')
  const server = await serve(join(app, 'dist'))
  const browser = await launch()
  const problems = []
  try {
    const page = await browser.newPage()
    watchPage(page, problems)
    await page.goto(server.url)
    // The Quick start (#root), then the typed checks app (#checks), each on its own provider.
    for (const [name, selector, timeout] of [
      ['Quick start', '#root', 15_000],
      ['checks', '#checks', 5_000],
    ]) {
      const app = page.locator(selector)
      await app.getByRole('button', { name: 'Call Ada Lovelace' }).click()
      const banner = app.getByRole('status', { name: 'Call status' })
      await banner.getByText(/Connected/).waitFor({ timeout })
      const text = (await banner.textContent())?.replace(/\s+/g, ' ').trim()
      if (!text?.includes('Ada Lovelace') && !text?.includes('+1'))
        throw new Error(`${name}: the banner does not name the call: "${text}"`)
      console.log(`  ${name} banner: "${text}"`)
    }
    if (problems.length) throw new Error(`The page reported problems:\n${problems.join('\n')}`)
  } finally {
    await browser.close()
    await server.close()
  }
  step('ok')
} catch (error) {
  console.error(`✗ React ${react}: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  rmSync(dir, { recursive: true, force: true })
}

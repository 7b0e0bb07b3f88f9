#!/usr/bin/env node
/**
 * `npm test`: everything CI checks, in order, each step reported. Runs every step even after a
 * failure, then prints one closing line `N passed, N failed` summed over every runner (Vitest
 * unit and type tests, Storybook stories in Chromium with the CPU throttled 4×, Playwright e2e at
 * full speed and with the CPU throttled 4×, and one count per check:
 * lint, typecheck, build, package, size, the package as installed with React 19 and 18, render
 * counts) and exits non-zero on any failure or skipped test.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { findChromium } from './chromium.js'

const chromium = findChromium()
if (!chromium) {
  console.error(
    [
      'npm test needs Chromium for the browser tests, and none was found.',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium',
      '  Elsewhere:      CHROMIUM_PATH=/path/to/chrome npm test',
      'Browser tests are never skipped.',
    ].join('\n'),
  )
  process.exit(1)
}

rmSync('reports', { recursive: true, force: true })
mkdirSync('reports', { recursive: true })
const env = {
  ...process.env,
  CHROMIUM_PATH: chromium,
  STORYBOOK_DISABLE_TELEMETRY: '1',
  FORCE_COLOR: '0',
}
const totals = { passed: 0, failed: 0, skipped: 0 }
const lines = []

function run(command, args, extraEnv = {}) {
  const shownEnv = Object.entries(extraEnv).map(([key, value]) => `${key}=${value}`)
  console.log(`\n▶ ${[...shownEnv, command, ...args].join(' ')}`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } })
  return { ok: result.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) }
}

/** A check that is one pass or one fail. */
function check(name, command, args) {
  const { ok, seconds } = run(command, args)
  totals[ok ? 'passed' : 'failed'] += 1
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`)
  return ok
}

/**
 * A check that also fails on a warning in its output (Storybook's `▲` or `WARN` lines): a newcomer
 * starting Storybook should read none. The output is shown as it came.
 */
function checkNoWarnings(name, command, args) {
  console.log(`\n▶ ${[command, ...args].join(' ')}`)
  const started = Date.now()
  const result = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  process.stdout.write(result.stdout ?? '')
  process.stderr.write(result.stderr ?? '')
  const warnings = `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((line) => /▲|\bWARN\b/.test(line))
  const ok = result.status === 0 && warnings.length === 0
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  totals[ok ? 'passed' : 'failed'] += 1
  const said = warnings.length
    ? `: ${warnings.length} warning(s), first: ${warnings[0].trim()}`
    : ''
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)${said}`)
  return ok
}

/** A Vitest run, counted from its JSON report; `extraEnv` e.g. throttles the CPU. */
function vitest(name, project, extraEnv = {}) {
  const report = `reports/${project}.json`
  const { ok, seconds } = run(
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    extraEnv,
  )
  if (!existsSync(report)) {
    totals.failed += 1
    lines.push(`FAIL ${name}: no report (${seconds} s)`)
    return
  }
  const json = JSON.parse(readFileSync(report, 'utf8'))
  const passed = json.numPassedTests ?? 0
  const failed = (json.numFailedTests ?? 0) + (ok || json.numFailedTests ? 0 : 1)
  const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0)
  totals.passed += passed
  totals.failed += failed
  totals.skipped += skipped
  lines.push(
    `${failed || skipped ? 'FAIL' : 'ok  '} ${name}: ${passed} passed, ${failed} failed, ${skipped} skipped (${seconds} s)`,
  )
}

/**
 * Playwright, counted from its JSON report (named in playwright.config.ts); `extraEnv` e.g.
 * throttles the CPU, `specs` narrows the run to those files.
 */
function playwright(name, report, extraEnv = {}, specs = []) {
  const { ok, seconds } = run('npx', ['playwright', 'test', ...specs], extraEnv)
  if (!existsSync(report)) {
    totals.failed += 1
    lines.push(`FAIL ${name}: no report (${seconds} s)`)
    return
  }
  const { stats } = JSON.parse(readFileSync(report, 'utf8'))
  const passed = stats.expected + stats.flaky
  const failed = stats.unexpected + (ok || stats.unexpected ? 0 : 1)
  totals.passed += passed
  totals.failed += failed
  totals.skipped += stats.skipped
  lines.push(
    `${failed || stats.skipped ? 'FAIL' : 'ok  '} ${name}: ${passed} passed, ${failed} failed, ${stats.skipped} skipped (${seconds} s)`,
  )
}

check('format (prettier)', 'npx', ['prettier', '--check', '.'])
check('lint', 'npx', ['eslint', '.'])
check('typecheck', 'npx', ['tsc', '--noEmit'])
check('unused files, exports and dependencies (knip)', 'npx', ['knip'])
vitest('unit and type tests', 'unit')
const built = check('build', 'npm', ['run', 'build', '--silent'])
if (built) {
  check('package (publint, attw)', 'node', ['scripts/check-package.mjs'])
  check('docs and package point at nothing outside the repository', 'node', [
    'scripts/check-docs.mjs',
  ])
  check('browser bundles send no DialStack secret', 'node', ['scripts/check-browser-bundles.mjs'])
  check('size budgets', 'npx', ['size-limit'])
  check('package as installed: React 19', 'node', ['scripts/check-installed.mjs', '--react', '19'])
  check('package as installed: React 18', 'node', ['scripts/check-installed.mjs', '--react', '18'])
}
check('render counts in Chromium', 'node', ['bench/renders.mjs', '--gate'])
// Every story renders and plays with Chromium's CPU 4× slower, as on a loaded machine (the page
// load and the axe check after each story run at full speed): its waits must hold there. The
// full-speed look of the key stories is checked again by the e2e run below.
vitest('stories in Chromium, CPU throttled 4×', 'storybook', { STORIES_CPU_THROTTLE: '4' })
if (
  checkNoWarnings('storybook build, with no warning', 'npm', ['run', 'build-storybook', '--silent'])
) {
  // The look of every key story and the docs pages, at full speed (screenshots and axe).
  playwright('e2e in Chromium: the stories’ look and the docs pages', 'reports/e2e.json', {}, [
    'test/e2e/screenshots.spec.ts',
    'test/e2e/docsPages.spec.ts',
  ])
  // Every flow a person plays (CRM, keyboard, Softphone, tabs, theme) with Chromium's CPU 4× slower,
  // as on a loaded machine: waits on what a person sees must hold there. They pass at full speed
  // too (`npx playwright test`); CI runs them once, throttled, to stay under 15 minutes.
  playwright('e2e flows in Chromium, CPU throttled 4×', 'reports/e2e-throttled.json', {
    E2E_CPU_THROTTLE: '4',
  })
}

console.log('\nSummary')
for (const line of lines) console.log(`  ${line}`)
if (totals.skipped) console.log(`  ${totals.skipped} skipped: no test may be skipped.`)
console.log(`${totals.passed} passed, ${totals.failed} failed`)
process.exit(totals.failed || totals.skipped ? 1 : 0)

#!/usr/bin/env node
/**
 * `npm run bench`: measures, prints a table and writes reports/bench.json with the machine the
 * figures came from. Nothing here is asserted except where noted: CI gates the stable figures
 * (bundle bytes with `npx size-limit`, render counts with `node bench/renders.mjs --gate`).
 *
 *   npm run bench                      everything
 *   npm run bench -- --only store,size pick: size, store, renders, crowd, latency
 *
 * Sizes need the built package: the script runs `npm run build` when dist/ is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, release, totalmem } from 'node:os'
import { buildNodeModule } from '../bench/lib/build.mjs'
import { chromiumVersion } from '../bench/lib/browser.mjs'
import { judgeRenders, measureRenders } from '../bench/renders.mjs'
import { measureLatency } from '../bench/latency.mjs'
import { measureCrowd } from '../bench/crowd.mjs'

const onlyIndex = process.argv.indexOf('--only')
const only = onlyIndex === -1 ? null : new Set(process.argv[onlyIndex + 1]?.split(','))
const wanted = (name) => only === null || only.has(name)

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : ''
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown'
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : ''
  return {
    cpu: model.trim(),
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    os: /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(osRelease)?.[1] ?? `${process.platform} ${release()}`,
    node: process.version,
    chromium: chromiumVersion(),
    /** Other work on the machine when the run started: figures from a busy machine are slower. */
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
    date: new Date().toISOString(),
  }
}

/** Runs size-limit with a config; size-limit exits non-zero over a budget, the figures are still wanted. */
function sizeLimit(args) {
  const run = spawnSync('npx', ['size-limit', '--json', ...args], { encoding: 'utf8' })
  const parsed = JSON.parse(run.stdout.slice(run.stdout.search(/[[{]/)))
  if (!Array.isArray(parsed)) throw new Error(`size-limit failed: ${parsed.error ?? run.stderr}`)
  return parsed
}

function sizes() {
  if (!existsSync('dist/index.js')) {
    console.log('▶ npm run build (sizes are measured on the built package)')
    execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' })
  }
  const budgets = sizeLimit([]).map(({ name, size, sizeLimit: limit, passed }) => ({
    name,
    bytes: size,
    limit: limit ?? null,
    passed,
  }))
  const [root, ...clients] = sizeLimit(['--config', 'bench/size-limit.marginal.mjs'])
  const marginal = clients.map(({ name, size }) => ({
    client: name,
    bytesOnTopOfHeadless: size - root.size,
  }))
  return { budgets, marginal }
}

async function store() {
  const file = await buildNodeModule('bench/store.bench.ts', 'store')
  const run = spawnSync(process.execPath, ['--expose-gc', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  if (run.status !== 0) throw new Error('The store benchmark failed.')
  return JSON.parse(run.stdout.trim().split('\n').at(-1))
}

const results = { machine: machine() }
const steps = {
  size: sizes,
  store,
  renders: measureRenders,
  crowd: measureCrowd,
  latency: measureLatency,
}
for (const [name, step] of Object.entries(steps)) {
  if (!wanted(name)) continue
  console.log(`▶ ${name}`)
  const started = Date.now()
  results[name] = await step()
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

const rows = []
const row = (benchmark, figure, target = '', verdict = '') =>
  rows.push([benchmark, figure, target, verdict])
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`
const ms = ({ p50, p95 }) => `p50 ${p50} ms, p95 ${p95} ms`

for (const { name, bytes, limit, passed } of results.size?.budgets ?? []) {
  row(
    `size: ${name}`,
    kB(bytes),
    limit === null ? 'reported' : `≤ ${kB(limit)}`,
    limit === null ? '' : passed ? 'ok' : `over by ${kB(bytes - limit)}`,
  )
}
for (const { client, bytesOnTopOfHeadless } of results.size?.marginal ?? []) {
  row(
    `size: client ${client} on top of headless (bundled together, minus headless)`,
    kB(bytesOnTopOfHeadless),
    'reported',
  )
}
if (results.store) {
  const perSecond = (t) =>
    `${t.eventsPerSecond.toLocaleString('en-US')} events/s (${t.microsecondsPerEvent} µs/event); ` +
    `CPU time ${t.cpuEventsPerSecond.toLocaleString('en-US')} events/s; best of ${results.store.rounds}`
  for (const t of results.store.throughput) {
    row(
      `store: 1 M events, ${t.overlap} calls at a time`,
      perSecond(t),
      t.overlap === 10 ? '≥ 1 M events/s' : '',
      t.overlap !== 10 ? '' : t.eventsPerSecond >= 1e6 ? 'ok' : 'under (wall time)',
    )
  }
  const short = results.store.shortCalls
  row(`store: ${short.calls.toLocaleString('en-US')} short calls in a row`, perSecond(short))
  const memory = results.store.memory
  const points = (m) =>
    m.points.map((p) => `${p.calls / 1000}k: ${(p.heapKB / 1024).toFixed(2)} MB`).join(', ')
  const flat = (m) =>
    m.growthKBFrom1kTo20k < 256 ? 'flat' : `grows ${(m.growthKBFrom1kTo20k / 1024).toFixed(1)} MB`
  row('store: heap after GC by calls, store only', points(memory.store), 'flat', flat(memory.store))
  const simulated = memory.runtimeWithSimulatedClient
  row(
    'store: heap after GC by calls, runtime + simulated client',
    `${points(simulated)} (${simulated.bytesPerCall} B/call)`,
    'flat',
    flat(simulated),
  )
}
if (results.renders) {
  const verdicts = judgeRenders(results.renders)
  for (const run of results.renders) {
    if (run.status === 'flipping') {
      row(
        `renders: ${run.flips.toLocaleString('en-US')} reconnecting ⇄ open flips`,
        `CallButtons ${run.buttons}, dialpad ${run.dialpad}, banner ${run.banner}`,
        'buttons 0',
        run.buttons === 0 ? 'ok' : 'FAIL',
      )
      continue
    }
    if (run.status === 'typing') {
      row(
        'renders: 10 digits typed into the dialpad',
        `CallButtons ${run.buttons}, dialpad ${run.dialpad}, banner ${run.banner}`,
        'reported',
      )
      continue
    }
    row(
      `renders: ${run.events.toLocaleString('en-US')} events, call ${run.status}`,
      `CallButtons ${run.buttons}, dialpad ${run.dialpad}, banner ${run.banner}`,
      run.status === 'ringing' ? 'buttons 0, dialpad 0' : 'buttons 0',
      verdicts.filter((v) => v.text.startsWith(run.status)).every((v) => v.ok) ? 'ok' : 'FAIL',
    )
  }
}
if (results.crowd) {
  const { perEvent, readinessChange, mount } = results.crowd
  row(
    'crowd: one event of another call, 500 CallButtons, 50 ended calls kept',
    `${ms(perEvent)} (n ${perEvent.n})`,
    'p95 ≤ 0.3 ms',
    perEvent.p95 <= 0.3 ? 'ok' : 'over',
  )
  row(
    'crowd: another call goes live or ends (every button shows or drops "on a call")',
    `${ms(readinessChange)} (n ${readinessChange.n})`,
    'reported',
  )
  row(
    'crowd: mount 500 CallButtons vs 500 plain buttons',
    `${mount.callButtons.p50} ms vs ${mount.plainButtons.p50} ms (medians): ${mount.ratio}×`,
    '≤ 5×',
    mount.ratio <= 5 ? 'ok' : 'over',
  )
}
if (results.latency) {
  for (const d of results.latency.dialpad)
    row(
      `dialpad: keydown → digit painted (${d.page})`,
      `${ms(d.toPaint)} (n ${d.toPaint.n})`,
      'p95 < 16 ms',
      d.toPaint.p95 < 16 ? 'ok' : 'over',
    )
  const click = results.latency.click
  if (click.skipped) row('click → request (Tether)', `skipped: ${click.skipped}`)
  else {
    row(
      'click → request: pointerdown → initiate fetch (Tether)',
      `${ms(click.toFetch)} (n ${click.toFetch.n})`,
      'p95 < 16 ms',
      click.toFetch.p95 < 16 ? 'ok' : 'over',
    )
    row('click → request: click event → initiate fetch', ms(click.clickToFetch))
  }
}

const widths = [0, 1, 2, 3].map((i) =>
  Math.max(...rows.map((r) => r[i].length), ['benchmark', 'figure', 'target', ''][i].length),
)
const line = (cells) =>
  cells
    .map((cell, i) => cell.padEnd(widths[i]))
    .join('  ')
    .trimEnd()
const m = results.machine
console.log(
  `\n${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}, Node ${m.node}, ${m.chromium}, load ${m.loadAverage1m}`,
)
console.log(line(['benchmark', 'figure', 'target', '']))
for (const r of rows) console.log(line(r))

mkdirSync('reports', { recursive: true })
writeFileSync('reports/bench.json', `${JSON.stringify(results, null, 2)}\n`)
console.log('\nWrote reports/bench.json')

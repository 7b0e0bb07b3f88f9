#!/usr/bin/env node
/**
 * Render counts in Chromium: 10,000 events for one interaction on a page with 50 CallButtons, a
 * banner, a dialpad and 50 ended calls in history (bench/pages/renders.tsx), counted with React's
 * `<Profiler>` in React's profiling build. Exported for `npm run bench`; run alone with `--gate` it
 * is the CI check:
 *
 * - while the call (to a number no button shows) rings, the CallButtons and the dialpad render 0
 *   times;
 * - while it is connected, the CallButtons render 0 times (the dialpad is its tones keypad then);
 * - the banner, which shows the call, does render, and ends up showing its last state;
 * - 1,000 flips of the event stream between reconnecting and open render the CallButtons 0 times
 *   (a button shows only whether the stream is closed);
 * - typing ten digits into the dialpad renders the CallButtons 0 times.
 */
/* global window, document -- page.evaluate callbacks run in the page */
import { fileURLToPath } from 'node:url'
import { buildPages } from './lib/build.mjs'
import { onPage } from './lib/browser.mjs'

export const EVENTS = 10_000

/** Builds and runs the page; resolves to one result per call state. */
export async function measureRenders({ events = EVENTS } = {}) {
  const dir = await buildPages(['renders'], { profiling: true })
  return onPage(dir, 'renders.html', async (page) => {
    await page.getByRole('button', { name: 'Call Contact 50' }).waitFor()
    await page.evaluate(() => window.bench.fillHistory())
    const runs = []
    for (const status of ['ringing', 'connected']) {
      runs.push(await page.evaluate(([s, n]) => window.bench.run(s, n), [status, events]))
    }
    runs.push({ status: 'flipping', ...(await page.evaluate(() => window.bench.flips())) })
    // Typing ten digits into the dialpad (the draft lives in the store) must not re-render the buttons.
    const textbox = page.getByRole('textbox', { name: 'Phone number' })
    await textbox.focus()
    await page.evaluate(() => window.bench.resetCounts())
    for (const digit of '4165550199') await page.keyboard.press(digit)
    await page.waitForFunction(() => document.querySelector('input')?.value.length === 10)
    runs.push({
      status: 'typing',
      events: 10,
      changing: 10,
      ...(await page.evaluate(() => window.bench.typing())),
    })
    return runs
  })
}

/** The gate's verdicts, one line each. */
export function judgeRenders(runs) {
  const verdicts = []
  const check = (ok, text) => verdicts.push({ ok, text })
  for (const run of runs) {
    check(
      run.buttons === 0,
      `${run.status}: 50 CallButtons re-rendered ${run.buttons} times (must be 0)`,
    )
    if (run.status === 'typing' || run.status === 'flipping') continue
    // The pad reads only the call's id and state: updates that change neither must not reach it.
    check(
      run.dialpad === 0,
      `${run.status}: the dialpad re-rendered ${run.dialpad} times (must be 0)`,
    )
    check(
      run.banner > 0,
      `${run.status}: the banner re-rendered ${run.banner} times for ${run.changing} changes (must be > 0)`,
    )
    const expected = run.status === 'ringing' ? /Ringing/ : /Connected/
    check(
      expected.test(run.bannerText),
      `${run.status}: the banner ends on "${run.bannerText.trim().slice(0, 60)}"`,
    )
  }
  return verdicts
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runs = await measureRenders()
  const verdicts = judgeRenders(runs)
  for (const run of runs) {
    const what =
      run.status === 'typing'
        ? '10 digits typed into the dialpad'
        : run.status === 'flipping'
          ? `${run.flips} reconnecting ⇄ open flips`
          : `${run.events} events (${run.changing} changing) in ${run.ms} ms`
    console.log(
      `${run.status.padEnd(9)} ${what}: buttons ${run.buttons}, dialpad ${run.dialpad}, banner ${run.banner}`,
    )
  }
  for (const { ok, text } of verdicts) console.log(`${ok ? 'ok  ' : 'FAIL'} ${text}`)
  if (process.argv.includes('--gate') && verdicts.some((verdict) => !verdict.ok)) process.exit(1)
}

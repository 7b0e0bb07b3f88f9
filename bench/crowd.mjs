#!/usr/bin/env node
/**
 * A CRM page with 500 CallButtons, in Chromium with React's production build (reported by `npm
 * run bench`, never asserted; bench/pages/crowd.tsx):
 *
 * - the cost of one store event, with 50 ended calls in history: every event of 60 whole calls to
 *   numbers no button shows, each committed synchronously (p50, p95). Apart: the events that
 *   change nothing a button shows (7 of each call's 9), and the two that change every button
 *   (the call going live disables them with "on a call" under the default rule; its end enables
 *   them again);
 * - mounting 500 CallButtons against mounting 500 plain `<button>`s in the same page and run
 *   (render and commit, median of 15 mounts each, alternated), and their ratio.
 */
/* global window */
import { fileURLToPath } from 'node:url'
import { buildPages } from './lib/build.mjs'
import { onPage } from './lib/browser.mjs'
import { percentile, summarize } from './lib/stats.mjs'

export const CALLS = 60
export const MOUNTS = 15

export async function measureCrowd({ calls = CALLS, mounts = MOUNTS } = {}) {
  const dir = await buildPages(['crowd'])
  return onPage(dir, 'crowd.html', async (page) => {
    const callButtons = []
    const plainButtons = []
    // One of each first, not counted: the page's code is compiled and warm for both.
    for (let i = 0; i <= mounts; i += 1) {
      for (const [kind, samples] of [
        ['call-buttons', callButtons],
        ['plain-buttons', plainButtons],
      ]) {
        const ms = await page.evaluate((k) => window.bench.mount(k), kind)
        if (i > 0) samples.push(ms)
        await page.evaluate(() => window.bench.unmount())
      }
    }
    await page.evaluate(() => window.bench.mount('call-buttons'))
    const events = await page.evaluate((n) => window.bench.events(n), calls)
    const median = (samples) => percentile(samples, 50)
    return {
      buttons: 500,
      historyKept: 50,
      perEvent: summarize(events.otherCall),
      readinessChange: summarize(events.readinessChange),
      mount: {
        callButtons: summarize(callButtons),
        plainButtons: summarize(plainButtons),
        ratio: Math.round((median(callButtons) / median(plainButtons)) * 10) / 10,
      },
    }
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await measureCrowd(), null, 2))
}

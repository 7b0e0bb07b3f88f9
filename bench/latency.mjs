#!/usr/bin/env node
/**
 * Latency in Chromium (times are reported, never asserted):
 *
 * - Dialpad: keydown in the textbox → the frame showing the digit, over 500 keypresses, on the
 *   dialpad alone and on the CRM page with 50 CallButtons.
 * - Click → request: pointerdown on a CallButton → the Tether client's initiate request leaving
 *   the page, over 200 clicks, against the loopback Tether server (test/servers/tetherServer.ts).
 *
 * Chromium runs without its 60 Hz frame limit, so a figure is the work done, not the wait for
 * the next vsync (which adds 0–16.7 ms on a real screen).
 */
/* global window, document -- page.evaluate callbacks run in the page */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildNodeModule, buildPages, root } from './lib/build.mjs'
import { onPage } from './lib/browser.mjs'
import { summarize } from './lib/stats.mjs'

export const KEYPRESSES = 500
export const CLICKS = 200

/** Keypress → digit painted, `presses` keys typed ten at a time into an emptied textbox. */
async function dialpadLatency(dir, buttons, presses) {
  return onPage(
    dir,
    `dialpad.html?buttons=${buttons ? 1 : 0}`,
    async (page) => {
      const input = page.getByRole('textbox', { name: 'Phone number' })
      await input.waitFor()
      let typed = 0
      while (typed < presses) {
        await input.fill('')
        await input.focus()
        await page.evaluate(() => window.bench.record(true))
        for (let i = 0; i < 10 && typed < presses; i += 1, typed += 1) {
          await page.keyboard.press(String((typed * 7 + 3) % 10))
          await page.waitForFunction((n) => window.bench.samples.length >= n, typed + 1, {
            polling: 'raf',
          })
        }
        await page.evaluate(() => window.bench.record(false))
      }
      const samples = await page.evaluate(() => window.bench.samples)
      return {
        page: buttons ? 'CRM page: 50 CallButtons, banner, dialpad' : 'dialpad and banner',
        toFrame: summarize(samples.map((s) => s.toFrame)),
        toPaint: summarize(samples.map((s) => s.toPaint)),
        notShownInFirstFrame: samples.filter((s) => !s.shown).length,
      }
    },
    { unthrottled: true },
  )
}

/** pointerdown → initiate request, over `clicks` clicks on one CallButton. */
async function clickLatency(dir, clicks) {
  const serverModule = join(root, 'test/servers/tetherServer.ts')
  if (!existsSync(serverModule)) return { skipped: 'test/servers/tetherServer.ts is missing' }
  const { startTetherServer } = await import(
    await buildNodeModule('test/servers/tetherServer.ts', 'tetherServer')
  )
  const tether = await startTetherServer({ tokens: ['token-ada'] })
  try {
    return await onPage(
      dir,
      'click.html',
      async (page) => {
        const button = page.getByRole('button', { name: 'Call Ada Lovelace' })
        await button.waitFor()
        const box = await button.boundingBox()
        const x = box.x + box.width / 2
        const y = box.y + box.height / 2
        await page.mouse.move(x, y)
        for (let i = 0; i < clicks; i += 1) {
          await page.mouse.down()
          await page.mouse.up()
          await page.waitForFunction((n) => window.bench.samples.length >= n, i + 1)
          await page.waitForFunction(() => !document.querySelector('[data-pending]'))
          await page.evaluate(() => window.bench.next())
        }
        const samples = await page.evaluate(() => window.bench.samples)
        const requests = tether.requestsTo('initiate').length
        return {
          server: 'test/servers/tetherServer.ts on 127.0.0.1 (proxied by the page origin)',
          toFetch: summarize(samples.map((s) => s.toFetch)),
          toResource: summarize(
            samples.filter((s) => s.toResource !== null).map((s) => s.toResource),
          ),
          clickToFetch: summarize(samples.map((s) => s.clickToFetch)),
          initiateRequests: requests,
        }
      },
      { proxy: { prefix: '/api/', target: tether.url }, unthrottled: true },
    )
  } finally {
    await tether.close()
  }
}

/** Builds the pages once and runs every latency benchmark. */
export async function measureLatency({ presses = KEYPRESSES, clicks = CLICKS } = {}) {
  const dir = await buildPages(['dialpad', 'click'])
  return {
    dialpad: [await dialpadLatency(dir, false, presses), await dialpadLatency(dir, true, presses)],
    click: await clickLatency(dir, clicks),
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await measureLatency(), null, 2))
}

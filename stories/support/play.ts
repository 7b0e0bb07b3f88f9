import { expect, userEvent, waitFor, within } from 'storybook/test'

/** Clicks "Call Ada Lovelace" in a provider story; gives the canvas and the call banner. */
export async function callAda(canvasElement: HTMLElement) {
  const canvas = within(canvasElement)
  await userEvent.click(canvas.getByRole('button', { name: 'Call Ada Lovelace' }))
  return { canvas, banner: canvas.getByRole('status') }
}

/** Waits until the banner says `text` (providers answer over timers: up to 3 s). */
export function bannerSays(banner: HTMLElement, text: string | RegExp, timeout = 3000) {
  return waitFor(() => expect(banner).toHaveTextContent(text), { timeout })
}

/** Clicks "Call Ada Lovelace" and waits until the start's alert says `text` (the start failed). */
export async function callAdaRefused(canvasElement: HTMLElement, text: string | RegExp) {
  const canvas = within(canvasElement)
  await userEvent.click(canvas.getByRole('button', { name: 'Call Ada Lovelace' }))
  await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(text))
}

/** The story's buttons that break the provider's event stream, end the call, and mend the stream. */
export interface Outage {
  drop: string
  hangUp: string
  restore: string
}

/**
 * A connected call whose event stream drops, then ends while it is down (its end is lost): the
 * banner says "Reconnecting" and keeps "Connected"; once the stream is back the client catches up
 * and the banner says "Call ended".
 */
export async function endDuringOutage(canvasElement: HTMLElement, buttons: Outage) {
  const { canvas, banner } = await callAda(canvasElement)
  await bannerSays(banner, 'Connected')
  await userEvent.click(canvas.getByRole('button', { name: buttons.drop }))
  await bannerSays(banner, 'Reconnecting')
  await userEvent.click(canvas.getByRole('button', { name: buttons.hangUp }))
  expect(banner).toHaveTextContent('Connected')
  await userEvent.click(canvas.getByRole('button', { name: buttons.restore }))
  await bannerSays(banner, 'Call ended', 4000)
  expect(banner).not.toHaveTextContent('Reconnecting')
}

/**
 * Asserts that `element` shows `text` and that its characters sit left to right on screen in the
 * order they are written, as a phone number must even in a right-to-left page (where the bidi
 * algorithm would otherwise show "+1 416 555 0199" as "0199 555 416 1+").
 */
export async function expectReadsLeftToRight(element: HTMLElement, text: string) {
  await expect(element).toHaveTextContent(text)
  const lefts: number[] = []
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
  const range = document.createRange()
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (let index = 0; index < node.data.length; index++) {
      if (/\s/.test(node.data[index]!)) continue
      range.setStart(node, index)
      range.setEnd(node, index + 1)
      lefts.push(range.getBoundingClientRect().left)
    }
  }
  await expect(lefts.length).toBeGreaterThan(1)
  await expect(lefts).toEqual([...lefts].sort((a, b) => a - b))
}

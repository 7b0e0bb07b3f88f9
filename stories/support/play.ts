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

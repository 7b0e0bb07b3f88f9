import { expect, test } from './test.js'
import { showStory } from './storybook.js'

// The preview's first load can take 15 s on a busy machine.
test.describe.configure({ timeout: 120_000 })

test('the Softphone keeps its size in every state: no layout shift', async ({ page }) => {
  const sizes: Record<string, { panel: number; card: number }> = {}
  for (const state of ['idle', 'ringing', 'connected', 'keypad-open', 'ended', 'failed']) {
    await showStory(page, `components-softphone--${state}`)
    const phone = page.getByRole('region', { name: 'Softphone' })
    const card = phone.getByRole('status', { name: 'Call status' })
    sizes[state] = {
      panel: (await phone.boundingBox())!.height,
      card: (await card.boundingBox())!.height,
    }
  }
  for (const [state, size] of Object.entries(sizes)) expect(size, state).toEqual(sizes.idle)
})

import { expect, test, type Locator } from './test.js'
import { showStory } from './storybook.js'

// The preview's first load can take 15 s on a busy machine.
test.describe.configure({ timeout: 120_000 })

/** A part's box relative to the panel's top, rounded to the pixel. */
async function box(part: Locator, panelTop: number) {
  const { y, height, width } = (await part.boundingBox())!
  return { top: Math.round(y - panelTop), height: Math.round(height), width: Math.round(width) }
}

test('the Softphone keeps its size and every part its place in every state: no layout shift', async ({
  page,
}) => {
  const states = [
    'idle',
    'dialing',
    'ringing',
    'connected',
    'muted',
    'held',
    'held-and-muted',
    'keypad-open',
    'ended',
    'ended-busy',
    'ended-no-answer',
    'failed',
  ]
  const layouts: Record<string, unknown> = {}
  for (const state of states) {
    const finished = await showStory(page, `components-softphone--${state}`)
    expect(finished.status, state).toBe('success')
    const phone = page.getByRole('region', { name: 'Softphone' })
    const panel = (await phone.boundingBox())!
    const part = (selector: string) => box(phone.locator(selector), panel.y)
    layouts[state] = {
      panel: { height: Math.round(panel.height), width: Math.round(panel.width) },
      card: await part('.rcc-Softphone-card'),
      stage: await part('.rcc-Softphone-stage'),
      actions: await part('.rcc-Softphone-actions'),
      // The recent calls (the call log's RecentCalls) keep their place below.
      recent: await part('.rcc-Softphone-recent'),
    }
  }
  for (const state of states) expect(layouts[state], state).toEqual(layouts.idle)
})

test('hang-up is the largest target, and only a failure uses the error colour', async ({
  page,
}) => {
  await showStory(page, 'components-softphone--connected')
  const phone = page.getByRole('region', { name: 'Softphone' })
  const hangUp = (await phone.getByRole('button', { name: 'Hang up' }).boundingBox())!
  for (const name of ['Mute', 'Keypad', 'Hold']) {
    const control = (await phone.getByRole('button', { name }).boundingBox())!
    expect(hangUp.width * hangUp.height, name).toBeGreaterThan(control.width * control.height)
  }

  const stateColour = async (story: string) => {
    await showStory(page, `components-softphone--${story}`)
    return phone.locator('.rcc-Softphone-state').evaluate((node) => getComputedStyle(node).color)
  }
  const failed = await stateColour('failed')
  const dangerText = await phone.evaluate((node) =>
    getComputedStyle(node).getPropertyValue('--rcc-color-danger-text').trim(),
  )
  const rgb = await page.evaluate((colour) => {
    const probe = document.createElement('span')
    probe.style.color = colour
    document.body.append(probe)
    const value = getComputedStyle(probe).color
    probe.remove()
    return value
  }, dangerText)
  expect(failed).toBe(rgb)
  for (const story of ['ended', 'ended-busy', 'ended-no-answer'])
    expect(await stateColour(story), story).not.toBe(rgb)
})

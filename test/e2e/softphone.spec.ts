import { expect, test } from '@playwright/test'

const CRM = '/iframe.html?id=examples-crm-contact-page--crm-contact-page&viewMode=story'

// The preview's first load can take 15 s on a busy machine, then a whole call is played.
test.describe.configure({ timeout: 120_000 })

test('the Softphone keeps its size through a whole call: no layout shift', async ({ page }) => {
  await page.goto(CRM)
  const phone = page.getByRole('region', { name: 'Softphone' })
  await expect(phone).toBeVisible({ timeout: 30_000 })
  const card = phone.getByRole('status', { name: 'Call status' })
  const sizes: Record<string, { panel: number; card: number; top: number }> = {}
  const measure = async (state: string) => {
    await expect(phone).toHaveAttribute('data-status', state)
    const [panel, cardBox] = [await phone.boundingBox(), await card.boundingBox()]
    sizes[state] = { panel: panel!.height, card: cardBox!.height, top: panel!.y }
  }
  await measure('idle')
  await page.getByRole('button', { name: 'Call Ada Lovelace' }).click()
  await measure('ringing')
  await measure('connected')
  await page.getByRole('button', { name: 'Keypad' }).click()
  await expect(phone).toHaveAttribute('data-keypad')
  sizes.keypad = {
    panel: (await phone.boundingBox())!.height,
    card: (await card.boundingBox())!.height,
    top: (await phone.boundingBox())!.y,
  }
  await page.getByRole('button', { name: 'Hang up' }).click()
  await measure('ended')
  for (const [state, size] of Object.entries(sizes)) expect(size, state).toEqual(sizes.idle)
})

import { expect, test, type Page } from './test.js'

const CRM = '/iframe.html?id=examples-crm-contact-page--crm-contact-page&viewMode=story'

/** Presses Tab until `locator` has focus (at most `max` times); fails if it never does. */
async function tabTo(
  page: Page,
  name: string,
  role: 'button' | 'textbox' | 'switch' | 'combobox',
  max = 60,
) {
  const target = page.getByRole(role, { name, exact: true })
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached the ${role} "${name}".`)
}

test.describe('keyboard only', () => {
  test.describe.configure({ timeout: 90_000 })

  test('CallButton, banner controls, Dialpad digits and the editor work with Tab, Enter, Space and digit keys', async ({
    page,
  }) => {
    await page.goto(CRM)
    // The preview's first load can take 15 s on a busy CI machine.
    await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible({
      timeout: 30_000,
    })
    const banner = page.getByRole('status', { name: 'Call status' })

    // CallButton: Tab to it, Enter calls.
    await tabTo(page, 'Call Ada Lovelace', 'button')
    await page.keyboard.press('Enter')
    await expect(banner).toContainText('Dialing…')
    // Banner: Tab to Hang up, Space presses it; focus stays in the banner on Dismiss.
    await tabTo(page, 'Hang up', 'button')
    await page.keyboard.press('Space')
    await expect(banner).toContainText('Call ended')
    await expect(page.getByRole('button', { name: 'Dismiss' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(banner).not.toHaveAttribute('data-status')

    // Dialpad: digits typed in the textbox, digit keys on the keypad, Enter places the call.
    await tabTo(page, 'Phone number', 'textbox')
    await page.keyboard.type('+1757555')
    await tabTo(page, '1', 'button')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Space')
    await page.keyboard.type('23')
    const number = page.getByRole('textbox', { name: 'Phone number' })
    await expect(number).toHaveValue('+17575551123')
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Backspace')
    await page.keyboard.type('0123')
    await expect(number).toHaveValue('+17575550123')
    await tabTo(page, 'Call', 'button')
    await page.keyboard.press('Enter')
    await expect(banner).toContainText('Connected', { timeout: 8000 })

    // DTMF: while connected, digit keys on the pad send tones.
    await tabTo(page, '5 JKL', 'button')
    await page.keyboard.type('5#')
    await expect(page.getByText('Tones sent: 5#')).toBeVisible()
    await tabTo(page, 'Hang up', 'button')
    await page.keyboard.press('Enter')
    await expect(banner).toContainText('Call ended')

    // Editor: switch to JSON with Enter and back with Space; edit a field by typing.
    await tabTo(page, 'JSON', 'button')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('textbox', { name: 'Associated object as JSON' })).toBeVisible()
    await tabTo(page, 'Form', 'button')
    await page.keyboard.press('Space')
    await tabTo(page, 'Display type', 'textbox')
    await page.keyboard.press('End')
    await page.keyboard.type(' (VIP)')
    await expect(page.getByRole('textbox', { name: 'Display type' })).toHaveValue('Contact (VIP)')

    // The simulator's own controls are keyboard-usable too.
    await tabTo(page, 'Deferred dial', 'switch')
    await page.keyboard.press('Space')
    await expect(page.getByRole('switch', { name: 'Deferred dial' })).toBeChecked()
  })
})

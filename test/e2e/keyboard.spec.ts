import { expect, test, type Page } from './test.js'

const CRM = '/iframe.html?id=examples-crm-contact-page--crm-contact-page&viewMode=story'

/**
 * Presses Tab (or Shift+Tab, to go back) until `locator` has focus (at most `max` times); fails
 * if it never does.
 */
async function tabTo(
  page: Page,
  name: string,
  role: 'button' | 'textbox' | 'switch' | 'combobox',
  max = 60,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
) {
  const target = page.getByRole(role, { name, exact: true })
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press(key)
  }
  throw new Error(`Tab never reached the ${role} "${name}".`)
}

test.describe('keyboard only', () => {
  // One long walk through the whole page, key by key: minutes on a busy machine.
  test.describe.configure({ timeout: 120_000 })

  test('CallButton, softphone controls, Dialpad digits and the editor work with Tab, Enter, Space and digit keys', async ({
    page,
  }) => {
    await page.goto(CRM)
    // The preview's first load can take 15 s on a busy CI machine.
    await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible({
      timeout: 30_000,
    })
    const phone = page.getByRole('region', { name: 'Softphone' })
    const banner = phone.getByRole('status', { name: 'Call status' })

    // CallButton: Tab to it, Enter calls.
    await tabTo(page, 'Call Ada Lovelace', 'button')
    await page.keyboard.press('Enter')
    await expect(banner).toContainText('Dialing…')
    // Softphone: Tab to Hang up, Space presses it; focus moves to Call again, not to the page.
    await tabTo(page, 'Hang up', 'button')
    await page.keyboard.press('Space')
    await expect(banner).toContainText('Call ended')
    await expect(page.getByRole('button', { name: 'Call again', exact: true })).toBeFocused()
    await tabTo(page, 'Dismiss', 'button')
    await page.keyboard.press('Enter')
    await expect(phone).toHaveAttribute('data-status', 'idle')

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

    // DTMF: while connected, the Keypad toggle opens the pad, whose digit keys send tones.
    // Focus moved to Hang up; the Keypad toggle is just before it.
    await expect(page.getByRole('button', { name: 'Hang up' })).toBeFocused()
    await tabTo(page, 'Keypad', 'button', 10, 'Shift+Tab')
    await page.keyboard.press('Enter')
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

import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from './test.js'

/** The CRM example, as a person opens it from the static Storybook build. */
const CRM = '/iframe.html?id=examples-crm-contact-page--crm-contact-page&viewMode=story'
const SHOTS = 'screenshots'

async function openCrm(page: Page) {
  await page.goto(CRM)
  // The preview's first load parses the whole Storybook bundle: on a busy CI machine that alone
  // can take 15 s, before the page a person waits for appears.
  await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible({
    timeout: 30_000,
  })
}

// Each test opens the page afresh (see openCrm), then plays a whole call and runs axe up to
// three times: minutes on a busy machine.
test.describe.configure({ timeout: 120_000 })

/** No axe violation on the page as it is now. */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include('#storybook-root').analyze()
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
}

test.describe('CRM contact page', () => {
  test('a call: Dialing → Ringing → Connected with a running timer, hang up, Call ended', async ({
    page,
  }) => {
    await openCrm(page)
    await page.screenshot({ path: `${SHOTS}/crm-idle.png`, fullPage: true })
    await expectAccessible(page)

    const phone = page.getByRole('region', { name: 'Softphone' })
    const banner = phone.getByRole('status', { name: 'Call status' })
    await page.getByRole('button', { name: 'Call Ada Lovelace' }).click()
    await expect(banner).toContainText('Dialing…')
    await expect(banner).toContainText('Ada Lovelace')
    await expect(banner).toContainText('+1 416 555 0199')
    await page.screenshot({ path: `${SHOTS}/crm-dialing.png`, fullPage: true })

    await expect(banner).toContainText('Ringing…')
    await expect(phone).toHaveAttribute('data-status', 'ringing')
    await page.screenshot({ path: `${SHOTS}/crm-ringing.png`, fullPage: true })

    await expect(banner).toContainText('Connected')
    await expect(banner.getByRole('timer')).toHaveText(/00:0\d/)
    const timer = banner.locator('time')
    const first = await timer.textContent()
    // The timer runs: a later reading is a later time.
    await expect(timer).not.toHaveText(first ?? '', { timeout: 3000 })
    // One live call per number: Ada's button shows her call, with its state and timer.
    await expect(
      page.getByRole('button', { name: /^Ada Lovelace, connected \d\d:\d\d$/ }),
    ).toHaveAttribute('data-status', 'active')
    await page.screenshot({ path: `${SHOTS}/crm-connected.png`, fullPage: true })
    await expectAccessible(page)

    const hold = phone.getByRole('button', { name: 'Hold' })
    await hold.click()
    await expect(banner).toContainText('On hold')
    await expect(hold).toHaveAttribute('aria-pressed', 'true')
    await phone.getByRole('button', { name: 'Mute' }).click()
    await expect(phone.getByRole('button', { name: 'Mute' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect(banner).toContainText('Muted')
    await page.screenshot({ path: `${SHOTS}/crm-held-muted.png`, fullPage: true })
    // Pressed again, Hold resumes the call.
    await hold.click()
    await expect(banner).toContainText('Connected')
    await expect(hold).toHaveAttribute('aria-pressed', 'false')

    await page.getByRole('button', { name: 'Hang up' }).click()
    await expect(banner).toContainText('Call ended')
    await expect(phone).toHaveAttribute('data-status', 'ended')
    await expect(page.getByRole('region', { name: 'Recent calls' })).toContainText('Ada Lovelace')
    await page.screenshot({ path: `${SHOTS}/crm-ended.png`, fullPage: true })
    await expectAccessible(page)
  })

  test('after the call: the wrap-up logs the call once and it shows in the contact’s activity', async ({
    page,
  }) => {
    await openCrm(page)
    const activity = page.getByRole('region', { name: 'Activity for Ada Lovelace' })
    await expect(activity).toContainText('No logged calls yet.')

    const banner = page.getByRole('status', { name: 'Call status' })
    await page.getByRole('button', { name: 'Call Ada Lovelace' }).click()
    await expect(banner).toContainText('Connected')
    await page.getByRole('button', { name: 'Hang up' }).click()

    const form = page.getByRole('form', { name: /^Ada Lovelace/ })
    await expect(form).toBeVisible()
    await expect(form.getByRole('heading')).toContainText('Completed')
    const recent = page.getByRole('list', { name: 'Recent calls' })
    await expect(
      recent.getByRole('button', { name: 'Log the call with Ada Lovelace' }),
    ).toBeVisible()
    await form.getByRole('combobox', { name: 'Disposition' }).selectOption({ label: 'Interested' })
    await form.getByRole('textbox', { name: 'Notes' }).fill('Wants a demo next week')
    await page.screenshot({ path: `${SHOTS}/crm-wrap-up.png`, fullPage: true })
    await expectAccessible(page)
    await form.getByRole('button', { name: 'Save' }).click()

    await expect(form.getByRole('status')).toHaveText('Call logged.')
    const logged = activity.getByRole('listitem')
    await expect(logged).toHaveCount(1)
    await expect(logged).toContainText('Interested')
    await expect(logged).toContainText('Wants a demo next week')
    await expect(
      recent.getByRole('button', { name: 'Logged: edit the call with Ada Lovelace' }),
    ).toBeVisible()

    // Notes after the fact update the same activity instead of adding one.
    await form.getByRole('textbox', { name: 'Notes' }).fill('Wants a demo next week; sent slides')
    await form.getByRole('button', { name: 'Save' }).click()
    await expect(logged).toContainText('sent slides')
    await expect(logged).toHaveCount(1)
    await page.screenshot({ path: `${SHOTS}/crm-activity.png`, fullPage: true })
    await expectAccessible(page)
  })

  test('an incoming call: it rings, the screen pop opens the caller, answer, hang up, and the wrap-up logs it on the caller’s record', async ({
    page,
  }) => {
    await openCrm(page)
    const phone = page.getByRole('region', { name: 'Softphone' })
    const card = phone.getByRole('status', { name: 'Call status' })
    await page.getByRole('button', { name: 'Incoming call' }).click()

    await expect(phone).toHaveAttribute('data-status', 'ringing')
    await expect(card).toContainText('Incoming call')
    // Said once, assertively, with who calls.
    await expect(phone.getByRole('alert')).toHaveText(/^Incoming call from /)
    // The screen pop: one contact has this number, so the call carries her record and the CRM
    // opens it beside the call.
    await expect(card).toContainText('Grace Hopper')
    await expect(card).toContainText('+1 202 555 0147')
    await expect(page.getByRole('heading', { name: 'Call record for Grace Hopper' })).toBeVisible()
    const answer = phone.getByRole('button', { name: 'Answer' })
    await expect(phone.getByRole('button', { name: 'Decline' })).toBeVisible()
    await page.screenshot({ path: `${SHOTS}/crm-incoming.png`, fullPage: true })
    await expectAccessible(page)

    await answer.click()
    await expect(card).toContainText('Connected')
    // Answer gave way to Hang up, and a keyboard user's focus went with it.
    const hangUp = phone.getByRole('button', { name: 'Hang up' })
    await expect(hangUp).toBeFocused()
    await expect(card.getByRole('timer')).toHaveText(/00:0\d/)
    await hangUp.click()
    await expect(card).toContainText('Call ended')

    const form = page.getByRole('form', { name: /^Grace Hopper/ })
    await expect(form).toBeVisible()
    await form
      .getByRole('combobox', { name: 'Disposition' })
      .selectOption({ label: 'Call back later' })
    await form.getByRole('textbox', { name: 'Notes' }).fill('Returned our call about the renewal')
    await form.getByRole('button', { name: 'Save' }).click()
    await expect(form.getByRole('status')).toHaveText('Call logged.')

    const logged = page
      .getByRole('region', { name: 'Activity for Grace Hopper' })
      .getByRole('listitem')
    await expect(logged).toHaveCount(1)
    await expect(logged).toContainText('Call back later')
    await expect(logged).toContainText('Returned our call about the renewal')
    await page.screenshot({ path: `${SHOTS}/crm-incoming-logged.png`, fullPage: true })
  })

  test('deferred dial: the dialpad receives the number and its Call button places the call', async ({
    page,
  }) => {
    await openCrm(page)
    await page.getByRole('switch', { name: 'Deferred dial' }).check()
    await page.getByRole('button', { name: 'Call Grace Hopper' }).click()

    const number = page.getByRole('textbox', { name: 'Phone number' })
    await expect(number).toHaveValue('+12025550147')
    const call = page.getByRole('button', { name: 'Call', exact: true })
    await expect(call).toBeFocused()
    await expect(page.getByRole('group', { name: 'Dialpad' }).getByRole('status')).toHaveText(
      /\+1 202 555 0147 is on the dialpad\. Press Call to dial\./,
    )
    const phone = page.getByRole('region', { name: 'Softphone' })
    const banner = phone.getByRole('status', { name: 'Call status' })
    // Nothing is dialed yet: the number waits on the keypad.
    await expect(phone).toHaveAttribute('data-status', /^(idle|deferred)$/)
    await expect(banner).not.toContainText('Dialing…')
    await page.screenshot({ path: `${SHOTS}/crm-deferred-prefilled.png`, fullPage: true })

    await call.click()
    await expect(banner).toContainText('Dialing…')
    // The deferred start's record travels on with the number.
    await expect(banner).toContainText('Grace Hopper')
    await expect(banner).toContainText('Ringing…')
    await page.screenshot({ path: `${SHOTS}/crm-deferred-dialed.png`, fullPage: true })
  })

  test('outcome busy: the banner says the line is busy', async ({ page }) => {
    await openCrm(page)
    await page.getByRole('combobox', { name: 'Simulated outcome' }).selectOption('busy')
    await page.getByRole('button', { name: 'Call Alan Turing' }).click()
    const banner = page.getByRole('status', { name: 'Call status' })
    await expect(banner).toContainText('Ringing…')
    await expect(banner).toContainText('Call ended: line busy')
    await expect(page.getByRole('region', { name: 'Softphone' })).toHaveAttribute(
      'data-outcome',
      'busy',
    )
    await page.screenshot({ path: `${SHOTS}/crm-busy.png`, fullPage: true })
  })

  test('outcome failed and a start that times out are shown', async ({ page }) => {
    await openCrm(page)
    const outcome = page.getByRole('combobox', { name: 'Simulated outcome' })
    await outcome.selectOption('failed')
    await page.getByRole('button', { name: 'Call Katherine Johnson' }).click()
    const banner = page.getByRole('status', { name: 'Call status' })
    await expect(banner).toContainText('Call failed: The carrier rejected the call.')
    await page.screenshot({ path: `${SHOTS}/crm-failed.png`, fullPage: true })

    await outcome.selectOption('timeout')
    const button = page.getByRole('button', { name: 'Call Alan Turing' })
    await button.click()
    await expect(page.getByRole('alert')).toContainText(
      'The phone system did not answer in time. Try again.',
    )
    await expect(button).toHaveAttribute('data-status', 'error')
    await page.screenshot({ path: `${SHOTS}/crm-start-timeout.png`, fullPage: true })
    await expectAccessible(page)
  })

  test('a number without a country code cannot be called, and says why', async ({ page }) => {
    await openCrm(page)
    const button = page.getByRole('button', { name: 'Call Charles Babbage' })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(button).toHaveAccessibleDescription(/Add the country code/)
    // Shown without hovering, and inside the viewport (no edge clips it).
    const reason = page.getByText(/Add the country code to “4165550123”/)
    await expect(reason).toBeVisible()
    await expect(reason).toBeInViewport({ ratio: 1 })
    await page.screenshot({ path: `${SHOTS}/crm-invalid-number.png`, fullPage: true })
  })

  test('the record editor changes what travels with the call', async ({ page }) => {
    await openCrm(page)
    await page.getByRole('button', { name: /^Hedy Lamarr/ }).click()
    await expect(page.getByRole('heading', { name: 'Call record for Hedy Lamarr' })).toBeVisible()
    await page.getByRole('textbox', { name: 'Display name' }).fill('Hedy Kiesler Lamarr')
    const banner = page.getByRole('status', { name: 'Call status' })
    await page.getByRole('button', { name: 'Call Hedy Kiesler Lamarr' }).click()
    await expect(banner).toContainText('Hedy Kiesler Lamarr')
    await expect(banner).toContainText('2047')
    await page.getByRole('button', { name: 'JSON' }).click()
    await page.screenshot({ path: `${SHOTS}/crm-record-json.png`, fullPage: true })
  })
})

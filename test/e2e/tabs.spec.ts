import AxeBuilder from '@axe-core/playwright'
import { expect, test, type BrowserContext, type Page } from '@playwright/test'

/** The shared-tabs example: every page of one browser context is a tab of the same app and user. */
const STORY = '/iframe.html?id=examples-shared-tabs--shared-tabs&viewMode=story'
const LEADER = 'This tab holds the phone.'
const FOLLOWER = 'The phone is connected in another tab: calls and controls go through it.'

async function openTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  await page.goto(STORY)
  // The preview's first load parses the whole Storybook bundle: slow on a busy machine.
  await expect(page.getByRole('heading', { name: 'Shared tabs', level: 1 })).toBeVisible({
    timeout: 30_000,
  })
  return page
}

const banner = (page: Page) => page.getByRole('status', { name: 'Call status' })
const note = (page: Page) => page.getByRole('note')

// Two or three pages, each loading the preview: minutes on a busy machine.
test.describe.configure({ timeout: 120_000 })

test.describe('one phone shared by the tabs of one app', () => {
  test('a call started in one tab is shown and hung up from another', async ({ context }) => {
    const first = await openTab(context)
    await expect(note(first)).toHaveText(LEADER)
    const second = await openTab(context)
    await expect(note(second)).toHaveText(FOLLOWER)

    await first.getByRole('button', { name: 'Call Ada Lovelace' }).click()
    await expect(banner(first)).toContainText('Connected')
    await expect(banner(second)).toContainText('Connected')
    await expect(banner(second)).toContainText('Ada Lovelace')

    // The follower's Hang up goes through the leader's client.
    await second.getByRole('button', { name: 'Hang up' }).click()
    await expect(banner(second)).toContainText('Call ended')
    await expect(banner(first)).toContainText('Call ended')

    const { violations } = await new AxeBuilder({ page: second })
      .include('#storybook-root')
      .analyze()
    expect(violations.map((v) => v.id)).toEqual([])
  })

  test('closing the leader mid-call keeps the call in the other tabs', async ({ context }) => {
    const first = await openTab(context)
    await expect(note(first)).toHaveText(LEADER)
    const second = await openTab(context)
    const third = await openTab(context)
    await expect(note(third)).toHaveText(FOLLOWER)

    // Started in a follower: the leader places it.
    await third.getByRole('button', { name: 'Call Ada Lovelace' }).click()
    for (const page of [first, second, third]) await expect(banner(page)).toContainText('Connected')

    await first.close()
    // The next tab in line takes the lock and adopts the call from the phone system.
    await expect(note(second)).toHaveText(LEADER, { timeout: 2_000 })
    await expect(note(third)).toHaveText(FOLLOWER)
    await expect(banner(second)).toContainText('Connected')
    await expect(banner(third)).toContainText('Connected')

    // And the call can still be hung up, from either tab.
    await third.getByRole('button', { name: 'Hang up' }).click()
    await expect(banner(third)).toContainText('Call ended')
    await expect(banner(second)).toContainText('Call ended')
  })

  test('a wrap-up saved in one tab is logged once', async ({ context }) => {
    const first = await openTab(context)
    await expect(note(first)).toHaveText(LEADER)
    const second = await openTab(context)
    await expect(note(second)).toHaveText(FOLLOWER)

    await first.getByRole('button', { name: 'Call Ada Lovelace' }).click()
    await expect(banner(second)).toContainText('Connected')
    await first.getByRole('button', { name: 'Hang up' }).click()

    // Every tab offers the wrap-up; the follower saves it, the leader writes it.
    const form = second.getByRole('form', { name: /^Ada Lovelace/ })
    await expect(form).toBeVisible()
    await expect(first.getByRole('form', { name: /^Ada Lovelace/ })).toBeVisible()
    await form.getByRole('textbox', { name: 'Notes' }).fill('Wants a demo next week')
    await form.getByRole('button', { name: 'Save' }).click()
    await expect(form.getByRole('status')).toHaveText('Call logged.')

    for (const page of [first, second]) {
      const logged = page.getByRole('list', { name: 'Logged calls' }).getByRole('listitem')
      await expect(logged).toHaveCount(1)
      await expect(logged).toHaveText('Ada Lovelace: Wants a demo next week')
    }

    // A third tab opened now finds the call logged, and writing nothing new logs nothing.
    const third = await openTab(context)
    await expect(
      third.getByRole('list', { name: 'Logged calls' }).getByRole('listitem'),
    ).toHaveCount(1)
  })
})

import { expect, test, type Page } from './test.js'
import { showStory } from './storybook.js'

/**
 * The default look respects its host: light on a light app even when the OS is dark, dark only
 * when the app asks, and a host page's text styles do not reshape a widget.
 */
const LIGHT_TEXT = 'rgb(23, 32, 43)' // --rcc-color-text, light
const DARK_TEXT = 'rgb(232, 237, 243)' // --rcc-color-text, dark

const bannerColor = (page: Page) =>
  page
    .getByRole('status', { name: 'Call status' })
    .evaluate((banner) => getComputedStyle(banner).color)

test.describe('on a dark OS', () => {
  test.use({ colorScheme: 'dark' })

  test('a page that asks for no theme stays light', async ({ page }) => {
    await showStory(page, 'components-callstatusbanner--connected')
    await expect.poll(() => bannerColor(page)).toBe(LIGHT_TEXT)
  })

  test('data-rcc-theme="system" follows the OS: dark', async ({ page }) => {
    await showStory(page, 'components-callstatusbanner--system-theme')
    await expect.poll(() => bannerColor(page)).toBe(DARK_TEXT)
  })

  test('data-rcc-theme="dark" is dark', async ({ page }) => {
    await showStory(page, 'components-callstatusbanner--dark')
    await expect.poll(() => bannerColor(page)).toBe(DARK_TEXT)
  })
})

test('on a light OS, data-rcc-theme="system" is light and "dark" is dark', async ({ page }) => {
  await showStory(page, 'components-callstatusbanner--system-theme')
  await expect.poll(() => bannerColor(page)).toBe(LIGHT_TEXT)
  await showStory(page, 'components-callstatusbanner--dark')
  await expect.poll(() => bannerColor(page)).toBe(DARK_TEXT)
})

test("a host's centred, spaced-out text does not leak into the widgets", async ({ page }) => {
  await showStory(page, 'components-callstatusbanner--connected')
  // What a fresh Vite app and many CRMs put on their root.
  await page.addStyleTag({
    content: '#storybook-root { text-align: center; line-height: 3; letter-spacing: 4px }',
  })
  const banner = page.getByRole('status', { name: 'Call status' })
  const styles = await banner.evaluate((element) => {
    const style = getComputedStyle(element)
    return {
      textAlign: style.textAlign,
      letterSpacing: style.letterSpacing,
      lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
    }
  })
  expect(styles.textAlign).toBe('start')
  expect(styles.letterSpacing).toBe('normal')
  expect(styles.lineHeight).toBeLessThan(2)
})

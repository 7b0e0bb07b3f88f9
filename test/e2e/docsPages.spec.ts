import { expect, test } from './test.js'

/** What Storybook shows a newcomer reading the docs, beyond the components' own stories. */

test('the CallStatusBanner docs page opens on a live call and renders every message with no React error', async ({
  page,
}) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto('/iframe.html?id=components-callstatusbanner--docs&viewMode=docs')
  const docs = page.locator('#storybook-docs')
  // Every state's words are in the description, the failure's reason included (an unescaped
  // `<reason>` is taken for an HTML tag: lost, and React logs an error).
  await expect(docs).toContainText('"Call failed:" with the reason')
  for (const text of ['"Dialing…"', '"Ringing…"', '"Connected 01:23"', '"On hold"', '"Call ended"'])
    await expect(docs).toContainText(text)
  // The page opens on a real call, not an empty region.
  await expect(docs.locator('.rcc-CallStatusBanner').first()).toHaveAttribute(
    'data-status',
    'connected',
  )
  await expect(docs).toContainText('The carrier rejected the call: the number is not in service.')
  expect(errors).toEqual([])
})

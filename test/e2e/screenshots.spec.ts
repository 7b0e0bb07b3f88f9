import { expect, test, throttleContext, type Page } from './test.js'
import { showStory } from './storybook.js'

/**
 * The components' key states, one screenshot each, from the static Storybook: the look a CRM
 * would ship, light, dark, right to left and narrow. Written to `screenshots/components/`;
 * `node scripts/docs-screenshots.mjs` copies the ones the README shows to `docs/screenshots/`.
 */
const STORIES: { id: string; wait?: string; selector?: string }[] = [
  { id: 'components-callbutton--idle' },
  { id: 'components-callbutton--pending', wait: '[data-pending]' },
  { id: 'components-callbutton--start-failed', wait: '[role="alert"]' },
  { id: 'components-callbutton--deferred', wait: '.rcc-Dialpad[data-prefilled]' },
  { id: 'components-callbutton--invalid-number' },
  { id: 'components-callbutton--right-to-left' },
  { id: 'components-callbutton--dark' },
  { id: 'components-callbutton--variants' },
  { id: 'components-callbutton--variants-unavailable' },
  { id: 'components-callbutton--dark-variants' },
  { id: 'components-dialpad--idle' },
  { id: 'components-dialpad--prefilled', wait: '.rcc-Dialpad[data-prefilled]' },
  { id: 'components-dialpad--invalid-number', wait: '.rcc-Dialpad[data-invalid]' },
  { id: 'components-dialpad--tones', wait: '.rcc-Dialpad-tones' },
  { id: 'components-dialpad--right-to-left' },
  { id: 'components-dialpad--dark' },
  { id: 'components-callstatusbanner--dialing', wait: '[data-status="dialing"]' },
  { id: 'components-callstatusbanner--ringing', wait: '[data-status="ringing"]' },
  { id: 'components-callstatusbanner--connected', wait: '[data-status="connected"]' },
  { id: 'components-callstatusbanner--connected-over-an-hour', wait: '[data-status="connected"]' },
  { id: 'components-callstatusbanner--held', wait: '[data-status="held"]' },
  { id: 'components-callstatusbanner--muted', wait: '[data-muted]' },
  { id: 'components-callstatusbanner--ended-busy', wait: '[data-outcome="busy"]' },
  { id: 'components-callstatusbanner--ended-no-answer', wait: '[data-outcome="no-answer"]' },
  { id: 'components-callstatusbanner--failed', wait: '[data-status="failed"]' },
  { id: 'components-callstatusbanner--hang-up-only', wait: '[data-status="connected"]' },
  { id: 'components-callstatusbanner--reconnecting', wait: '[data-connection="reconnecting"]' },
  { id: 'components-callstatusbanner--long-names', wait: '[data-status="connected"]' },
  { id: 'components-callstatusbanner--right-to-left', wait: '[data-status="connected"]' },
  { id: 'components-callstatusbanner--dark', wait: '[data-status="connected"]' },
  { id: 'components-callstatusbanner--dark-ended', wait: '[data-status="ended"]' },
  { id: 'components-softphone--idle' },
  { id: 'components-softphone--dialing', wait: '[data-status="dialing"]' },
  { id: 'components-softphone--ringing', wait: '[data-status="ringing"]' },
  { id: 'components-softphone--connected', wait: '[data-status="connected"]' },
  { id: 'components-softphone--muted', wait: '[data-muted]' },
  { id: 'components-softphone--held', wait: '[data-status="held"]' },
  { id: 'components-softphone--held-and-muted', wait: '[data-muted]' },
  { id: 'components-softphone--keypad-open', wait: '[data-keypad]' },
  { id: 'components-softphone--ended', wait: '[data-status="ended"]' },
  { id: 'components-softphone--ended-busy', wait: '[data-outcome="busy"]' },
  { id: 'components-softphone--ended-no-answer', wait: '[data-outcome="no-answer"]' },
  { id: 'components-softphone--failed', wait: '[data-status="failed"]' },
  { id: 'components-softphone--docked-sidebar', wait: '[data-status="connected"]' },
  { id: 'components-softphone--narrow', wait: '[data-status="connected"]' },
  { id: 'components-softphone--dark', wait: '[data-muted]' },
  { id: 'components-softphone--right-to-left', wait: '[data-status="connected"]' },
  { id: 'components-wrapupform--editing', wait: '[data-status="editing"]' },
  { id: 'components-wrapupform--required', wait: '[aria-invalid="true"]' },
  { id: 'components-wrapupform--saving', wait: '[data-status="saving"]' },
  { id: 'components-wrapupform--saved', wait: '[data-status="saved"]' },
  { id: 'components-wrapupform--failed', wait: '[data-status="error"]' },
  { id: 'components-wrapupform--failed-call', wait: '[data-outcome="failed"]' },
  { id: 'components-wrapupform--no-answer-notes-only', wait: '.rcc-WrapUpForm' },
  { id: 'components-wrapupform--dark', wait: '.rcc-WrapUpForm' },
  { id: 'components-wrapupform--right-to-left', wait: '.rcc-WrapUpForm' },
  { id: 'components-wrapupform--narrow', wait: '.rcc-WrapUpForm' },
  { id: 'components-recentcalls--empty' },
  { id: 'components-recentcalls--unlogged', wait: '[data-log-status]' },
  { id: 'components-recentcalls--with-wrap-up', wait: '[data-logged]' },
  { id: 'components-recentcalls--history', wait: '[data-logged]' },
  { id: 'components-recentcalls--dark', wait: '[data-logged]' },
  { id: 'components-recentcalls--right-to-left', wait: '[data-logged]' },
  { id: 'components-recentcalls--narrow', wait: '[data-logged]' },
  { id: 'components-associatedobjecteditor--filled' },
  { id: 'components-associatedobjecteditor--field-errors', wait: '[data-invalid]' },
  { id: 'components-associatedobjecteditor--invalid-json', wait: '[aria-invalid="true"]' },
  { id: 'components-associatedobjecteditor--json-field-errors', wait: '[aria-invalid="true"]' },
  { id: 'components-associatedobjecteditor--right-to-left' },
  { id: 'components-associatedobjecteditor--dark' },
]

// One page for every story (one worker runs them in order): the preview's first load is the slow part.
let page: Page
test.beforeAll(async ({ browser, cpuThrottle }, testInfo) => {
  const { baseURL, viewport, reducedMotion, colorScheme } = testInfo.project.use
  const context = await browser.newContext({ baseURL, viewport, reducedMotion, colorScheme })
  await throttleContext(context, cpuThrottle)
  page = await context.newPage()
  await throttleContext(context, cpuThrottle)
})
test.afterAll(async () => {
  await page.context().close()
})

for (const story of STORIES) {
  test(`looks finished and has no axe violation: ${story.id}`, async () => {
    const finished = await showStory(page, story.id)
    // Storybook played the story and ran axe on it (`parameters.a11y.test = 'error'`).
    expect(
      finished.reporters.find((reporter) => reporter.type === 'a11y')?.result?.violations,
    ).toEqual([])
    expect(finished.status).toBe('success')
    const root = page.locator('#storybook-root')
    await expect(root).not.toBeEmpty()
    if (story.wait) await expect(root.locator(story.wait).first()).toBeAttached()
    await root.screenshot({
      path: `screenshots/components/${story.id.replace(/^components-/, '')}.png`,
    })
  })
}

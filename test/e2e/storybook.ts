import type { Page } from '@playwright/test'

/** What Storybook reports when a story finished: its status and each reporter's (axe is `a11y`). */
export interface StoryFinished {
  storyId: string
  status: 'success' | 'error'
  reporters: { type: string; status: string; result?: { violations?: { id: string }[] } }[]
}

interface PreviewWindow {
  __STORYBOOK_PREVIEW__?: {
    currentRender?: { id: string; phase?: string }
    channel: {
      on(event: string, listener: (payload: StoryFinished) => void): void
      off(event: string, listener: (payload: StoryFinished) => void): void
      emit(event: string, payload: unknown): void
    }
  }
}

/**
 * Shows a story in Storybook's preview and waits until it finished (rendered, played, checked).
 * The first story loads the preview page; the next ones switch story on the same page, which is
 * many times faster than loading the preview again.
 */
export async function showStory(page: Page, storyId: string): Promise<StoryFinished> {
  if (!page.url().includes('/iframe.html')) {
    // Load the preview on an empty story-less page, then switch to the story like every other one.
    await page.goto('/iframe.html')
    await page.waitForFunction(() =>
      Boolean((window as PreviewWindow).__STORYBOOK_PREVIEW__?.channel),
    )
  }
  return page.evaluate(
    (id) =>
      new Promise<StoryFinished>((resolve) => {
        const preview = (window as PreviewWindow).__STORYBOOK_PREVIEW__
        if (!preview) throw new Error('Not a Storybook preview page.')
        const done = (event: StoryFinished) => {
          if (event.storyId !== id) return
          preview.channel.off('storyFinished', done)
          resolve({
            storyId: event.storyId,
            status: event.status,
            reporters: event.reporters.map(({ type, status, result }) => ({
              type,
              status,
              result: {
                violations: (result?.violations ?? []).map(({ id: rule }) => ({ id: rule })),
              },
            })),
          })
        }
        preview.channel.on('storyFinished', done)
        preview.channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' })
      }),
    storyId,
  )
}

import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect, useReducer, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import {
  createBrightPatternClient,
  type ResultErrorName,
} from '../../src/clients/bright-pattern/index.js'
import type { InteractionAssociatedObject } from '../../src/core/index.js'
import { CallButton, CallProvider, CallStatusBanner, type CallMessages } from '../../src/index.js'
import { bannerSays, callAda, callAdaRefused } from '../support/play.js'
import { withDefaultTheme } from '../support/storyKit.js'
import { createFakeAdApi, type FakeAdApi } from '../../test/servers/fakeAdApi.js'

/**
 * The Bright Pattern client on the fake `adApi` from the tests (browser-safe): it answers like the
 * Communicator Widget SDK and fires its callbacks. The "widget" panel plays the agent and the far
 * end, the parts a real widget would.
 */
interface BrightPatternDemoProps {
  phoneNumber: string
  /** The tenant has Deferred Dial on: `startCall` only fills the widget's dialpad. */
  deferredDial?: boolean
  /** The agent is signed in to the widget. Default true. */
  signedIn?: boolean
  /** The widget answers the next `startCall` with this `ResultError`. */
  startError?: ResultErrorName
  /** The widget answers the next `startCall` with `status: 'success'` and `data.error: 'Timeout error'`. */
  timeoutErrorInSuccess?: boolean
  /** The widget accepts the call and never reports it. */
  silent?: boolean
  /** The client's `firstEventTimeoutMs`. */
  firstEventTimeoutMs?: number
  /** The agent has after-call work: a hang-up goes to wrap-up. */
  afterCallWork?: boolean
}

const contact: InteractionAssociatedObject = {
  id: '003A000001',
  type: 'contact',
  displayName: 'Ada Lovelace',
  displayType: 'Contact',
  customFields: { account: 'Analytical Engines Ltd' },
}

/** Words that fit this provider: a deferred dial waits in the widget, not on our dialpad. */
const messages: Partial<CallMessages> = {
  deferred: 'Number ready in the Bright Pattern widget. Press Dial there.',
  signInToCall: 'Sign in to the Bright Pattern widget to place calls.',
}

const silentLogger = { debug: () => {}, warn: () => {} }

function liveCall(adApi: FakeAdApi, states: readonly string[]) {
  return adApi
    .list()
    .filter((i) => states.includes(i.state))
    .at(-1)?.interactionId
}

/** A contact with a click-to-call button, the live banner, and a stand-in for the widget. */
function BrightPatternDemo({
  phoneNumber,
  deferredDial = false,
  signedIn = true,
  startError,
  timeoutErrorInSuccess = false,
  silent = false,
  firstEventTimeoutMs = 30_000,
  afterCallWork = false,
}: BrightPatternDemoProps) {
  // One widget and one client per mounted story; the app owns its client, and so does the story.
  const [{ adApi, client }] = useState(() => {
    const fake = createFakeAdApi({
      deferredDial,
      loggedIn: signedIn,
      autoEvents: !silent,
      ringingAfterMs: 300,
      afterCallWork,
      eventDelayMs: 50,
    })
    if (startError) fake.failNext('startCall', startError)
    if (timeoutErrorInSuccess)
      fake.succeedNextWith('startCall', { id: null, error: 'Timeout error' })
    return {
      adApi: fake,
      client: createBrightPatternClient({
        adApi: fake,
        firstEventTimeoutMs,
        logger: silentLogger,
        // The fake's answer signal (its `duration` starts counting): Bright Pattern documents none.
        answerSignal: (interaction) => (interaction.duration ?? 0) > 0,
      }),
    }
  })
  const [, refresh] = useReducer((n: number) => n + 1, 0)
  useEffect(() => client.subscribe(refresh), [client])
  useEffect(
    () => () => {
      client.dispose()
      adApi.dispose()
    },
    [adApi, client],
  )

  const act = (run: () => void) => () => {
    run()
    refresh()
  }
  return (
    <CallProvider client={client} messages={messages}>
      <article aria-label="Contact">
        <p>
          <strong>{contact.displayName}</strong>
        </p>
        <p>{phoneNumber}</p>
        <CallButton phoneNumber={phoneNumber} associatedObject={contact} />
      </article>
      <CallStatusBanner dismissAfterMs={null} />
      <fieldset>
        <legend>Bright Pattern widget (simulated)</legend>
        <p>
          Agent {adApi.loggedIn ? 'signed in' : 'signed out'} · widget dialpad:{' '}
          {adApi.dialpadNumber || 'empty'}
        </p>
        <button
          type="button"
          onClick={act(() => adApi.dialFromDialpad())}
          disabled={!adApi.dialpadNumber}
        >
          Agent presses Dial in the widget
        </button>{' '}
        <button
          type="button"
          onClick={act(() => {
            // `delivered` too: an agent-dialled call reaches the agent while the far end rings.
            const id = liveCall(adApi, ['queued', 'delivery_pending', 'delivered'])
            if (id) adApi.answer(id)
          })}
        >
          Far end answers
        </button>{' '}
        <button
          type="button"
          onClick={act(() => {
            const id = liveCall(adApi, ['queued', 'delivery_pending', 'delivered', 'hold'])
            if (id) adApi.remoteHangup(id)
          })}
        >
          Far end hangs up
        </button>{' '}
        <button type="button" onClick={act(() => adApi.logout())}>
          Agent signs out
        </button>{' '}
        <button type="button" onClick={act(() => adApi.login())}>
          Agent signs in
        </button>
      </fieldset>
    </CallProvider>
  )
}

const meta = {
  title: 'Providers/BrightPattern',
  component: BrightPatternDemo,
  decorators: [withDefaultTheme],
  args: { phoneNumber: '+14165550199' },
  parameters: {
    docs: {
      description: {
        component:
          "`createBrightPatternClient` on a fake Communicator Widget SDK (`adApi`): `startCall(phone, object)` answers in the SDK's envelope and the widget's callbacks (`ON_NEW_INTERACTION`, `ON_INTERACTION_STATE_CHANGE`, `ON_INTERACTION_REMOVED`, `ON_LOGIN`/`ON_LOGOUT`) drive the banner. Its states are routing states: `queued`, `delivery_pending` and `delivered` (the call reached the agent, the far end may still ring) all show dialing for an agent-dialled call, until the answer signal the app configures (`answerSignal`; here the fake's `duration` starting to count) says the far end answered → connected; `hold` → on hold, `wrap_up`/`completed` → ended. The panel below plays the agent and the far end.",
      },
    },
  },
} satisfies Meta<typeof BrightPatternDemo>

export default meta
type Story = StoryObj<typeof meta>

/** queued → delivery_pending → delivered (dialing), answered, mute, hold and resume, then hang up (leaveInteraction). */
export const Answered: Story = {
  play: async ({ canvasElement }) => {
    const { canvas, banner } = await callAda(canvasElement)
    await bannerSays(banner, 'Dialing…')
    await userEvent.click(canvas.getByRole('button', { name: 'Far end answers' }))
    await bannerSays(banner, 'Connected')
    await userEvent.click(within(banner).getByRole('button', { name: 'Mute' }))
    await waitFor(() =>
      expect(within(banner).getByRole('button', { name: 'Mute' })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    )
    await userEvent.click(within(banner).getByRole('button', { name: 'Hold' }))
    await bannerSays(banner, 'On hold')
    await userEvent.click(within(banner).getByRole('button', { name: 'Resume' }))
    await bannerSays(banner, 'Connected')
    await userEvent.click(within(banner).getByRole('button', { name: 'Hang up' }))
    await bannerSays(banner, 'Call ended')
  },
}

/**
 * Deferred Dial: the widget only fills its own dialpad and answers `{ id: null }`. The banner says
 * where the number waits; when the agent presses Dial in the widget, the same banner moves on.
 */
export const DeferredDial: Story = {
  args: { deferredDial: true },
  play: async ({ canvasElement }) => {
    const { canvas, banner } = await callAda(canvasElement)
    await bannerSays(banner, 'Number ready in the Bright Pattern widget. Press Dial there.')
    expect(canvas.getByText(/widget dialpad: \+14165550199/)).toBeInTheDocument()
    await userEvent.click(canvas.getByRole('button', { name: 'Agent presses Dial in the widget' }))
    await bannerSays(banner, 'Dialing…')
    await userEvent.click(canvas.getByRole('button', { name: 'Far end answers' }))
    await bannerSays(banner, 'Connected')
  },
}

/** The agent signs out mid-call and the call ends meanwhile; signing back in resyncs and shows the end. */
export const SignedOutMidCall: Story = {
  play: async ({ canvasElement }) => {
    const { canvas, banner } = await callAda(canvasElement)
    await bannerSays(banner, 'Dialing…')
    await userEvent.click(canvas.getByRole('button', { name: 'Far end answers' }))
    await bannerSays(banner, 'Connected')
    await userEvent.click(canvas.getByRole('button', { name: 'Agent signs out' }))
    await waitFor(() =>
      expect(
        canvas.getByText('Sign in to the Bright Pattern widget to place calls.'),
      ).toBeInTheDocument(),
    )
    await userEvent.click(canvas.getByRole('button', { name: 'Far end hangs up' }))
    expect(banner).toHaveTextContent('Connected')
    await userEvent.click(canvas.getByRole('button', { name: 'Agent signs in' }))
    await bannerSays(banner, 'Call ended')
  },
}

/** The agent is not signed in to the widget: the button says so instead of failing on click. */
export const SignedOut: Story = {
  args: { signedIn: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() =>
      expect(
        canvas.getByText('Sign in to the Bright Pattern widget to place calls.'),
      ).toBeInTheDocument(),
    )
    expect(canvas.getByRole('button', { name: 'Call Ada Lovelace' })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
  },
}

/** `ResultError` 4 `logged_without_phone`: the person learns what to do in the widget. */
export const NoPhoneDevice: Story = {
  args: { startError: 'logged_without_phone' },
  play: async ({ canvasElement }) => {
    await callAdaRefused(
      canvasElement,
      'You are signed in to Bright Pattern without a phone. Choose a phone device in the widget, then try again.',
    )
  },
}

/** `ResultError` 19 `no_permissions_did_call`: not allowed to call from the selected caller ID. */
export const CallerIdNotAllowed: Story = {
  args: { startError: 'no_permissions_did_call' },
  play: async ({ canvasElement }) => {
    await callAdaRefused(canvasElement, 'You are not allowed to call from the selected caller ID.')
  },
}

/** `status: 'success'` with `data.error: "Timeout error"`: a time-out, not a deferred dial. */
export const TimeoutErrorInSuccess: Story = {
  args: { timeoutErrorInSuccess: true },
  play: async ({ canvasElement }) => {
    await callAdaRefused(canvasElement, 'Bright Pattern did not answer in time. Try again.')
  },
}

/** The widget accepts the call but never reports it: after `firstEventTimeoutMs` the call fails. */
export const NoEventForTheCall: Story = {
  args: { silent: true, firstEventTimeoutMs: 1000 },
  play: async ({ canvasElement }) => {
    const { banner } = await callAda(canvasElement)
    await bannerSays(banner, 'Starting call…')
    await waitFor(
      () =>
        expect(banner).toHaveTextContent(
          'Call failed: Bright Pattern accepted the call but reported nothing about it.',
        ),
      {
        timeout: 4000,
      },
    )
  },
}

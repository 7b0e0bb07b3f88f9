import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import type { CallOutcome } from '../../src/core/index.js'
import { CallButton, CallStatusBanner } from '../../src/index.js'
import {
  ada,
  loadClient,
  longNamed,
  storyClient,
  withCalls,
  type CallsParameters,
} from '../support/storyKit.js'
import { ar } from '../../src/locales/ar.js'

const calls = (parameters: CallsParameters) => ({ calls: { width: 640, ...parameters } })

const meta = {
  title: 'Components/CallStatusBanner',
  component: CallStatusBanner,
  loaders: [loadClient],
  decorators: [withCalls],
  args: { dismissAfterMs: null },
  parameters: {
    docs: {
      description: {
        component: [
          'The live call: "Dialing…", "Ringing…", "Connected 01:23" with a running timer (h:mm:ss past an hour), "On hold", "Call ended" with the outcome, "Call failed:" with the reason, with the number and the record\'s name. Hang up, hold/resume and mute appear only when the provider has them.',
          '',
          'It is a polite live region (`role="status"`): each state change is announced, the ticking timer is not. An ended call is dismissed after `dismissAfterMs` (5 s by default; these stories keep it). Selectors: `.rcc-CallStatusBanner[data-status="dialing|ringing|connected|held|ended|failed"]`, `[data-outcome]`, `[data-muted]`, `[data-connection="reconnecting"]`, `.rcc-CallStatusBanner-control[data-control="hangup|hold|resume|mute|dismiss|show"]`.',
          '',
          'It never hides a live call: with several, the active one comes first and every other live call follows in a list named "Other calls" (`.rcc-CallStatusBanner-calls`, `[data-calls]` on the banner), each with its own controls and Switch to, which makes it the active call.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof CallStatusBanner>

export default meta
type Story = StoryObj<typeof meta>

const expectStatus =
  (status: string, text: string | RegExp, name = 'Call status') =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const banner = within(canvasElement).getByRole('status', { name })
    await waitFor(() => expect(banner).toHaveAttribute('data-status', status))
    await expect(banner).toHaveTextContent(text)
  }

// The docs page opens on its first story: a real call, not an empty region.
/** Connected, with the live timer. */
export const Connected: Story = {
  parameters: calls({ scenario: { status: 'connected' }, ageMs: 83_000 }),
  play: expectStatus('connected', /Connected 01:2\d/),
}

/** The number is being dialed. */
export const Dialing: Story = {
  parameters: calls({ scenario: { status: 'dialing' } }),
  play: expectStatus('dialing', 'Dialing…'),
}

/** The other side is ringing. */
export const Ringing: Story = {
  parameters: calls({ scenario: { status: 'ringing' } }),
  play: expectStatus('ringing', 'Ringing…'),
}

/** Past an hour the timer shows hours: h:mm:ss. */
export const ConnectedOverAnHour: Story = {
  parameters: calls({ scenario: { status: 'connected' }, ageMs: 3_723_000 }),
  play: expectStatus('connected', /Connected 1:02:0\d/),
}

/** On hold: Resume replaces Hold. */
export const Held: Story = {
  parameters: calls({ scenario: { status: 'held' }, ageMs: 200_000 }),
  play: async (context) => {
    await expectStatus('held', 'On hold')(context)
    await expect(
      within(context.canvasElement).getByRole('button', { name: 'Resume' }),
    ).toBeInTheDocument()
  },
}

/** Muted: the Mute toggle is pressed. */
export const Muted: Story = {
  parameters: calls({ scenario: { status: 'connected', muted: true }, ageMs: 45_000 }),
  play: async (context) => {
    const canvas = within(context.canvasElement)
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'true'),
    )
    await expect(canvas.getByRole('status', { name: 'Call status' })).toHaveAttribute('data-muted')
  },
}

const ended = (outcome: CallOutcome, text: string): Story => ({
  parameters: calls({ scenario: { status: 'ended', outcome } }),
  play: async (context) => {
    await expectStatus('ended', text)(context)
    await expect(
      within(context.canvasElement).getByRole('status', { name: 'Call status' }),
    ).toHaveAttribute('data-outcome', outcome)
  },
})

/** Ended normally (hung up after talking). */
export const EndedCompleted = ended('completed', 'Call ended')
/** The line was busy. */
export const EndedBusy = ended('busy', 'Call ended: line busy')
/** Nobody answered. */
export const EndedNoAnswer = ended('no-answer', 'Call ended: no answer')
/** Voicemail answered. */
export const EndedVoicemail = ended('voicemail', 'Call ended: voicemail')
/** Hung up before it was answered. */
export const EndedCanceled = ended('canceled', 'Call ended: canceled')

/** The call failed; the reason is the provider's, in words a person can act on. */
export const Failed: Story = {
  parameters: calls({
    scenario: {
      status: 'failed',
      reason: 'The carrier rejected the call: the number is not in service.',
    },
  }),
  play: expectStatus(
    'failed',
    'Call failed: The carrier rejected the call: the number is not in service.',
  ),
}

/**
 * Three live calls: the banner never hides one. The newest is the active call; Ada (held) and the
 * dialing number follow in "Other calls", each with its own controls and Switch to.
 */
export const SeveralCalls: Story = {
  parameters: calls({ scenario: { status: 'held' }, ageMs: 95_000 }),
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const banner = canvas.getByRole('status', { name: 'Call status' })
    const client = storyClient(context)
    await waitFor(() => expect(banner).toHaveAttribute('data-status', 'held'))
    await client.startCall('+442071838750')
    const grace = await client.startCall('+33142685300', {
      ...ada,
      id: 'c-2',
      displayName: 'Grace Hopper',
    })
    if (grace.status === 'success' && grace.data.id) {
      client.control.advance(grace.data.id)
      client.control.setOptions({ outcome: 'answered' })
      client.control.advance(grace.data.id)
    }
    await waitFor(() => expect(banner).toHaveAttribute('data-status', 'connected'))
    // The list follows the active call at a lower priority: wait for it as a person would.
    const others = await canvas.findByRole('list', { name: 'Other calls' })
    await waitFor(() => expect(within(others).getAllByRole('listitem')).toHaveLength(2))
    const adaCall = within(others).getByRole('group', { name: 'Call with Ada Lovelace' })
    await expect(adaCall).toHaveAttribute('data-status', 'held')
    await expect(within(adaCall).getByRole('button', { name: 'Resume' })).toBeInTheDocument()
    await expect(within(adaCall).getByRole('button', { name: 'Hang up' })).toBeInTheDocument()
    await expect(within(others).getByRole('group', { name: /^Call with \+44/ })).toHaveAttribute(
      'data-status',
      'dialing',
    )
  },
}

/** A provider that can hang up but not hold or mute (e.g. a click-to-call API): only Hang up. */
export const HangUpOnly: Story = {
  parameters: calls({
    client: { capabilities: { hold: false, mute: false } },
    scenario: { status: 'connected' },
  }),
  play: async (context) => {
    await expectStatus('connected', 'Connected')(context)
    const canvas = within(context.canvasElement)
    await expect(canvas.getByRole('button', { name: 'Hang up' })).toBeInTheDocument()
    await expect(canvas.queryByRole('button', { name: 'Hold' })).toBeNull()
    await expect(canvas.queryByRole('button', { name: 'Mute' })).toBeNull()
  },
}

/** A provider without any call control (DialStack cannot hang up): the banner only informs. */
export const NoControls: Story = {
  parameters: calls({
    client: { capabilities: { hangup: false, hold: false, mute: false } },
    scenario: { status: 'connected' },
  }),
  play: async (context) => {
    await expectStatus('connected', 'Connected')(context)
    await expect(within(context.canvasElement).queryAllByRole('button')).toHaveLength(0)
  },
}

/** The event stream dropped: the banner says so until it is back. */
export const Reconnecting: Story = {
  parameters: calls({ scenario: { status: 'connected' } }),
  play: async (context) => {
    const banner = within(context.canvasElement).getByRole('status', { name: 'Call status' })
    await waitFor(() => expect(banner).toHaveAttribute('data-status', 'connected'))
    storyClient(context).control.dropStream()
    await waitFor(() =>
      expect(banner).toHaveTextContent('Connection to the phone system lost. Reconnecting…'),
    )
  },
}

/** A long name and type wrap or truncate without pushing the controls out. */
export const LongNames: Story = {
  parameters: calls({ scenario: { status: 'connected', associatedObject: longNamed }, width: 520 }),
  play: expectStatus('connected', longNamed.displayName),
}

/** Right to left, with the strings translated through `CallProvider` `messages`. */
export const RightToLeft: Story = {
  parameters: calls({
    scenario: { status: 'connected' },
    ageMs: 83_000,
    dir: 'rtl',
    lang: 'ar',
    messages: ar,
  }),
  // Every word from the Arabic pack, the region's name included.
  play: expectStatus('connected', /متصل \d\d:\d\d/, 'حالة المكالمة'),
}

/** Dark theme. */
export const Dark: Story = {
  parameters: calls({ scenario: { status: 'connected' }, ageMs: 83_000, theme: 'dark' }),
  play: expectStatus('connected', 'Connected'),
}

/** Dark theme, ended busy. */
export const DarkEnded: Story = {
  parameters: calls({ scenario: { status: 'ended', outcome: 'busy' }, theme: 'dark' }),
  play: expectStatus('ended', 'Call ended: line busy'),
}

/** `data-rcc-theme="system"`: dark only when the OS is dark. Without it the look stays light. */
export const SystemTheme: Story = {
  parameters: calls({ scenario: { status: 'connected' }, ageMs: 83_000, theme: 'system' }),
  play: expectStatus('connected', /Connected/),
}

/**
 * The whole flow from a CallButton: Dialing → Ringing → Connected, hold, resume, mute, hang up,
 * and the ended call is dismissed after `dismissAfterMs`.
 */
export const FullFlow: Story = {
  args: { dismissAfterMs: 1500 },
  parameters: calls({ client: { delays: { start: 50, ringing: 300, answer: 400 } } }),
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <div>
        <CallButton phoneNumber="+14165550199" associatedObject={ada} />
      </div>
      <CallStatusBanner {...args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const banner = canvas.getByRole('status', { name: 'Call status' })
    await userEvent.click(canvas.getByRole('button', { name: 'Call Ada Lovelace' }))
    await waitFor(() => expect(banner).toHaveTextContent('Dialing…'))
    await waitFor(() => expect(banner).toHaveTextContent('Ringing…'))
    await waitFor(() => expect(banner).toHaveTextContent('Connected 00:0'))
    await userEvent.click(canvas.getByRole('button', { name: 'Hold' }))
    await waitFor(() => expect(banner).toHaveTextContent('On hold'))
    await userEvent.click(canvas.getByRole('button', { name: 'Resume' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Mute' }))
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'true'),
    )
    await userEvent.click(canvas.getByRole('button', { name: 'Hang up' }))
    await waitFor(() => expect(banner).toHaveTextContent('Call ended'))
    await expect(canvas.getByRole('button', { name: 'Dismiss' })).toHaveFocus()
    await waitFor(() => expect(banner).toBeEmptyDOMElement(), { timeout: 3000 })
  },
}

/** Without a call the banner is an empty live region, ready to announce the next one. */
export const NoCall: Story = {}

import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import type { CallOutcome } from '../../src/core/index.js'
import { RecentCalls } from '../../src/call-log/index.js'
import { Softphone } from '../../src/index.js'
import {
  loadClient,
  withCalls,
  type CallsParameters,
  type StoryScenario,
} from '../support/storyKit.js'
import { withCallLog } from '../support/withCallLog.js'
import { ar } from '../../src/locales/ar.js'

const calls = (parameters: CallsParameters) => ({ calls: { width: 400, ...parameters } })

/** The library's own recent calls (`react-click-to-call/call-log`) in the panel's slot. */
const recent = (
  <section aria-labelledby="softphone-recent-title">
    <h2
      id="softphone-recent-title"
      style={{ margin: '0 0 4px', fontSize: '0.8125rem', fontWeight: 600 }}
    >
      Recent calls
    </h2>
    <RecentCalls limit={5} />
  </section>
)

const meta = {
  title: 'Components/Softphone',
  component: Softphone,
  loaders: [loadClient],
  decorators: [withCallLog, withCalls],
  args: { recentCalls: recent },
  parameters: {
    docs: {
      description: {
        component: [
          'One softphone panel, composed only from the public parts (`Dialpad`, `useActiveInteraction`, `useCallControls`, `useCallDuration`, `useStartCall`): the call card (name or formatted number, state, a large timer, a "Muted" badge, "On hold"), the in-call controls as a grid (mute, keypad, hold), hang-up as the largest target, the keypad behind its toggle during a call, "Call ended" with its duration and "Call again", and recent calls below: `<Softphone recentCalls={<RecentCalls />} />` with the call-log entry (`react-click-to-call/call-log`), as in these stories, or any node of the app\'s own.',
          '',
          'Its parts keep their size in every state: no layout shift between idle, ringing, connected and ended. Selectors: `.rcc-Softphone[data-status="idle|dialing|ringing|connected|held|ended|failed"]`, `[data-outcome]`, `[data-muted]`, `[data-keypad]`; `.rcc-Softphone-control[data-control="mute|keypad|hold"]`, `.rcc-Softphone-hangup`, `.rcc-Softphone-badge[data-badge="muted|held"]`.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof Softphone>

export default meta
type Story = StoryObj<typeof meta>

const card = (canvasElement: HTMLElement) =>
  within(within(canvasElement).getByRole('region', { name: 'Softphone' })).getByRole('status', {
    name: 'Call status',
  })

const expectCard =
  (status: string, text: string | RegExp) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const panel = within(canvasElement).getByRole('region', { name: 'Softphone' })
    await waitFor(() => expect(panel).toHaveAttribute('data-status', status))
    await expect(card(canvasElement)).toHaveTextContent(text)
  }

const scenario = (status: StoryScenario['status'], extra: Partial<StoryScenario> = {}) =>
  calls({ scenario: { status, ...extra }, ageMs: status === 'dialing' ? 0 : 83_000 })

/** No call: the keypad, ready to dial. */
export const Idle: Story = {
  play: expectCard('idle', 'Ready to call'),
}

/** Dialing: the controls keep their place, unavailable until the call connects. */
export const Dialing: Story = {
  parameters: scenario('dialing'),
  play: expectCard('dialing', 'Dialing…'),
}

/** Ringing. */
export const Ringing: Story = {
  parameters: scenario('ringing'),
  play: expectCard('ringing', 'Ringing…'),
}

/** Connected: a large timer, the controls grid, hang-up the largest target. */
export const Connected: Story = {
  parameters: scenario('connected'),
  play: expectCard('connected', /01:2\d/),
}

/** Muted: a "Muted" badge by the timer, not only a pressed button. */
export const Muted: Story = {
  parameters: scenario('connected', { muted: true }),
  play: expectCard('connected', 'Muted'),
}

/** On hold: its own colour and badge, distinct from muted. */
export const Held: Story = {
  parameters: scenario('held'),
  play: expectCard('held', 'On hold'),
}

/** Muted and on hold at once: two different badges. */
export const HeldAndMuted: Story = {
  parameters: scenario('held', { muted: true }),
  play: expectCard('held', /Muted.*On hold|On hold.*Muted/),
}

/** The keypad during a call, opened with its toggle: keys send tones. */
export const KeypadOpen: Story = {
  parameters: scenario('connected'),
  play: async (context) => {
    await expectCard('connected', 'Connected')(context)
    const canvas = within(context.canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Keypad' }))
    await expect(
      canvas.getByRole('group', { name: 'Keypad: tones go to the call' }),
    ).toBeInTheDocument()
  },
}

const ended = (outcome: CallOutcome, text: string | RegExp): Story => ({
  parameters: scenario('ended', { outcome }),
  play: async (context) => {
    await expectCard('ended', text)(context)
    await expect(
      within(context.canvasElement).getByRole('button', { name: 'Call again' }),
    ).toBeInTheDocument()
  },
})

/** Ended: "Call ended" with its duration, and "Call again". */
export const Ended = ended('completed', 'Call ended')
/** Busy is an ending, in the neutral colour: only a failure is an error. */
export const EndedBusy = ended('busy', 'Call ended: line busy')
/** No answer, neutral too. */
export const EndedNoAnswer = ended('no-answer', 'Call ended: no answer')

/** Failed: the only state in the error colour. */
export const Failed: Story = {
  parameters: scenario('failed', { reason: 'The carrier rejected the call.' }),
  play: expectCard('failed', 'Call failed: The carrier rejected the call.'),
}

/** Docked in a CRM's sidebar, beside the record. */
export const DockedSidebar: Story = {
  parameters: { ...scenario('connected'), calls: { ...scenario('connected').calls, width: 960 } },
  render: (args) => (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 360px', gap: 24 }}>
      <article aria-label="Contact" style={{ display: 'grid', gap: 8, alignContent: 'start' }}>
        <h1 style={{ margin: 0, fontSize: '1.25rem' }}>Ada Lovelace</h1>
        <p style={{ margin: 0 }}>Analytical Engines Ltd · Contact</p>
        <p style={{ margin: 0 }}>Last activity: renewal call, 12 March</p>
      </article>
      <aside aria-label="Phone">
        <Softphone {...args} />
      </aside>
    </div>
  ),
  play: expectCard('connected', 'Connected'),
}

/** A narrow column: 360 px. */
export const Narrow: Story = {
  parameters: { calls: { ...scenario('connected').calls, width: 360 } },
  play: expectCard('connected', 'Connected'),
}

/** Dark theme. */
export const Dark: Story = {
  parameters: { calls: { ...scenario('connected', { muted: true }).calls, theme: 'dark' } },
  play: expectCard('connected', 'Muted'),
}

/** Right to left, in Arabic: the `ar` pack through `CallProvider` `messages`. */
export const RightToLeft: Story = {
  parameters: {
    calls: { ...scenario('connected').calls, dir: 'rtl', lang: 'ar', messages: ar },
  },
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement).getByRole('region', { name: 'الهاتف' })
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'connected'))
    const card = within(panel).getByRole('status', { name: 'حالة المكالمة' })
    await expect(card).toHaveTextContent(/01:2\d/)
    await expect(within(panel).getByRole('button', { name: 'كتم' })).toBeInTheDocument()
  },
}

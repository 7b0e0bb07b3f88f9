import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import type { CallOutcome } from '../../src/core/index.js'
import { RecentCalls } from '../../src/call-log/index.js'
import { CallerIdSelect } from '../../src/caller-id/index.js'
import { Softphone } from '../../src/index.js'
import { ScreenPopProvider } from '../../src/screen-pop/index.js'
import { expectReadsLeftToRight } from '../support/play.js'
import {
  ada,
  loadClient,
  storyClient,
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

/**
 * An incoming call: "Incoming call" with the caller the screen pop found (`ScreenPopProvider`),
 * Answer and Decline in Hang up's place; answered, the panel goes on with the connected call.
 */
export const Incoming: Story = {
  render: (args) => (
    <ScreenPopProvider resolveCaller={async () => [ada]}>
      <Softphone {...args} />
    </ScreenPopProvider>
  ),
  play: async (context) => {
    const id = storyClient(context).control.ring({ from: '+14165550199' })
    const canvas = within(context.canvasElement)
    const panel = canvas.getByRole('region', { name: 'Softphone' })
    await waitFor(() => expect(card(context.canvasElement)).toHaveTextContent('Incoming call'))
    await waitFor(() => expect(card(context.canvasElement)).toHaveTextContent('Ada Lovelace'))
    await expect(within(panel).getByRole('alert')).toHaveTextContent(/^Incoming call from /)
    await expect(within(panel).getByRole('button', { name: 'Decline' })).toBeInTheDocument()
    await userEvent.click(within(panel).getByRole('button', { name: 'Answer' }))
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'connected'))
    // Answer gave way to Hang up, and focus went with it.
    await waitFor(() =>
      expect(within(panel).getByRole('button', { name: 'Hang up' })).toHaveFocus(),
    )
    await expect(
      storyClient(context)
        .control.calls()
        .find((call) => call.id === id)?.status,
    ).toBe('connected')
  },
}

/**
 * Caller ID: `callerId={<CallerIdSelect />}` (from `react-click-to-call/caller-id`) shows the
 * numbers to call from under the keypad while no call is live; the Dialpad's call uses the choice.
 */
export const WithCallerId: Story = {
  args: { callerId: <CallerIdSelect /> },
  parameters: {
    calls: {
      width: 400,
      client: {
        callerIds: [
          { number: '+14165550100', label: 'Toronto office', default: true },
          { number: '+16135550100', label: 'Ottawa office' },
        ],
      },
    },
  },
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const from = await canvas.findByRole('combobox', { name: 'Call from' })
    await waitFor(() => expect(from).toHaveValue('+14165550100'))
    await userEvent.selectOptions(from, '+16135550100')
    await userEvent.type(canvas.getByRole('textbox', { name: 'Phone number' }), '+14165550199')
    await userEvent.click(canvas.getByRole('button', { name: 'Call' }))
    await waitFor(() =>
      expect(storyClient(context).control.requests.at(-1)).toMatchObject({
        phoneNumber: '+14165550199',
        from: '+16135550100',
      }),
    )
    // A live call has Hang up in that place: the choice is for the next call.
    await expect(canvas.queryByRole('combobox', { name: 'Call from' })).toBeNull()
  },
}

/**
 * Right to left with a number and no name: the number keeps its left-to-right order
 * ("+1 416 555 0199", never "0199 555 416 1+").
 */
export const RightToLeftNumber: Story = {
  parameters: {
    calls: {
      ...scenario('connected', { associatedObject: null }).calls,
      dir: 'rtl',
      lang: 'ar',
      messages: ar,
    },
  },
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement).getByRole('region', { name: 'الهاتف' })
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'connected'))
    const name = panel.querySelector<HTMLElement>('.rcc-Softphone-name')!
    await expect(name).toHaveTextContent('+1 416 555 0199')
    await expectReadsLeftToRight(name, '+1 416 555 0199')
  },
}

import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import type { InteractionAssociatedObject } from '../../src/core/index.js'
import { CallStatusBanner } from '../../src/index.js'
import { ScreenPopProvider, type ResolveCaller } from '../../src/screen-pop/index.js'
import { ada, loadClient, storyClient, withCalls } from '../support/storyKit.js'

const grace: InteractionAssociatedObject = {
  id: 'c-2',
  type: 'contact',
  displayName: 'Grace Hopper',
  displayType: 'Contact',
  customFields: {},
}
const adaCase: InteractionAssociatedObject = {
  id: 'case-7',
  type: 'case',
  displayName: 'Ada Lovelace: renewal',
  displayType: 'Case',
  customFields: {},
}

const CALLER = '+14165550199'

type Args = { resolveCaller: ResolveCaller }

const meta = {
  title: 'Components/CallStatusBanner/Inbound',
  loaders: [loadClient],
  decorators: [withCalls],
  args: { resolveCaller: async () => [ada] },
  render: ({ resolveCaller }) => (
    <ScreenPopProvider resolveCaller={resolveCaller}>
      <CallStatusBanner dismissAfterMs={null} />
    </ScreenPopProvider>
  ),
  parameters: {
    calls: { width: 640 },
    docs: {
      description: {
        component:
          'A ringing inbound call: "Incoming call" with the caller found by `ScreenPopProvider` (the formatted number while it looks), Answer and Decline as the largest controls, and the records to choose from when several match. It is announced once, assertively; `[data-direction="inbound"]`, `[data-control="answer|decline"]`.',
      },
    },
  },
} satisfies Meta<Args>

export default meta
type Story = StoryObj<typeof meta>

/** Rings the story's client with a call from `CALLER`; gives its id and the banner. */
async function ring(context: Parameters<NonNullable<Story['play']>>[0]) {
  const client = storyClient(context)
  const id = client.control.ring({ from: CALLER })
  const canvas = within(context.canvasElement)
  const banner = canvas.getByRole('status', { name: 'Call status' })
  await waitFor(() => expect(banner).toHaveTextContent('Incoming call'))
  return { client, id, canvas, banner }
}

/** One record matches: it is the call's record at once. */
export const RingingOneMatch: Story = {
  play: async (context) => {
    const { canvas, banner } = await ring(context)
    await waitFor(() => expect(banner).toHaveTextContent('Ada Lovelace'))
    await expect(canvas.getByRole('button', { name: 'Answer' })).toBeInTheDocument()
    await expect(canvas.getByRole('button', { name: 'Decline' })).toBeInTheDocument()
  },
}

/** Several records match: the agent chooses one. */
export const RingingSeveralMatches: Story = {
  args: { resolveCaller: async () => [ada, adaCase, grace] },
  play: async (context) => {
    const { canvas } = await ring(context)
    const list = await canvas.findByRole('list', { name: 'Records that match the caller' })
    await expect(within(list).getAllByRole('button')).toHaveLength(3)
  },
}

/** No record matches: the app may offer to create one (`onScreenPop(null, call)`). */
export const RingingNoMatch: Story = {
  args: { resolveCaller: async () => [] },
  play: async (context) => {
    const { banner } = await ring(context)
    await waitFor(() => expect(banner).toHaveTextContent('No record matches this number.'))
  },
}

/** The CRM is still looking: the number shows meanwhile. */
export const RingingResolving: Story = {
  args: { resolveCaller: () => new Promise<InteractionAssociatedObject[]>(() => {}) },
  play: async (context) => {
    const { banner } = await ring(context)
    await waitFor(() => expect(banner).toHaveTextContent('Looking up the caller…'))
    await expect(banner).toHaveTextContent('+1 416 555 0199')
  },
}

/** Answered: the banner goes on with the connected call. */
export const Answered: Story = {
  play: async (context) => {
    const { canvas, banner } = await ring(context)
    await userEvent.click(canvas.getByRole('button', { name: 'Answer' }))
    await waitFor(() => expect(banner).toHaveAttribute('data-status', 'connected'))
    await expect(canvas.getByRole('button', { name: 'Hang up' })).toBeInTheDocument()
  },
}

/** Declined by the agent. */
export const Declined: Story = {
  play: async (context) => {
    const { canvas, banner } = await ring(context)
    await userEvent.click(canvas.getByRole('button', { name: 'Decline' }))
    await waitFor(() => expect(banner).toHaveTextContent('Call declined'))
    await expect(banner).toHaveAttribute('data-outcome', 'declined')
  },
}

/** Rang out unanswered. */
export const Missed: Story = {
  play: async (context) => {
    const { client, id, banner } = await ring(context)
    client.control.end(id, 'missed')
    await waitFor(() => expect(banner).toHaveTextContent('Missed call'))
    await expect(banner).toHaveAttribute('data-outcome', 'missed')
  },
}

/**
 * Two calls ring at once: the newer is the banner's call, and the older, listed under it, still
 * reads as incoming ("Incoming call from Ada Lovelace") with its own Answer and Decline, never as
 * an ordinary row: its ringing is not hidden behind the other call.
 */
export const TwoRinging: Story = {
  render: () => (
    <ScreenPopProvider
      resolveCaller={async (phoneNumber) => (phoneNumber === CALLER ? [ada] : [grace])}
    >
      <CallStatusBanner dismissAfterMs={null} />
    </ScreenPopProvider>
  ),
  play: async (context) => {
    const { client, id, canvas, banner } = await ring(context)
    await waitFor(() => expect(banner).toHaveTextContent('Ada Lovelace'))
    client.control.ring({ from: '+12025550147' })
    await waitFor(() => expect(banner).toHaveTextContent('Grace Hopper'))
    const others = await canvas.findByRole('list', { name: 'Other calls' })
    const row = await within(others).findByRole('group', {
      name: 'Incoming call from Ada Lovelace',
    })
    await expect(row).toHaveTextContent('Incoming call')
    await expect(within(row).queryByRole('button', { name: 'Hang up' })).toBeNull()
    await expect(within(row).getByRole('button', { name: 'Decline' })).toBeInTheDocument()
    await userEvent.click(within(row).getByRole('button', { name: 'Answer' }))
    await waitFor(() =>
      expect(client.control.calls().find((call) => call.id === id)?.status).toBe('connected'),
    )
    // Answered, it is an ordinary live call in the list, with its own controls.
    await expect(
      await within(others).findByRole('group', { name: 'Call with Ada Lovelace' }),
    ).toHaveTextContent('Connected')
  },
}

import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import {
  createSimulatedClient,
  type SimulatedClientOptions,
} from '../../src/clients/simulated/index.js'
import {
  CallProvider,
  useActiveInteraction,
  useCallControls,
  useStartCall,
} from '../../src/index.js'

/** A page built only from the headless hooks: no library component, every state as data. */
function HeadlessCall({ phoneNumber }: { phoneNumber: string }) {
  const { startCall, isPending, error, deferred, data } = useStartCall()
  const call = useActiveInteraction()
  const controls = useCallControls(call?.id)
  return (
    <section aria-label="Headless call">
      <button
        type="button"
        onClick={() => startCall(phoneNumber)}
        aria-busy={isPending || undefined}
      >
        {isPending ? 'Calling…' : `Call ${phoneNumber}`}
      </button>{' '}
      <button
        type="button"
        onClick={() => void controls.hangup()}
        disabled={!call || call.status === 'ended'}
      >
        Hang up
      </button>
      <dl>
        <dt>Mutation</dt>
        <dd data-testid="mutation">
          {isPending
            ? 'pending'
            : error
              ? `error: ${error.message}`
              : deferred
                ? 'deferred'
                : (data?.id ?? 'idle')}
        </dd>
        <dt>Call state</dt>
        <dd>
          <span role="status">{call?.status ?? 'no call'}</span>
        </dd>
        <dt>Raw provider state</dt>
        <dd>{call?.rawState ?? '—'}</dd>
      </dl>
    </section>
  )
}

function Demo({ phoneNumber, ...options }: SimulatedClientOptions & { phoneNumber: string }) {
  const [client] = useState(() => createSimulatedClient(options))
  return (
    <CallProvider client={client}>
      <HeadlessCall phoneNumber={phoneNumber} />
    </CallProvider>
  )
}

const meta = {
  title: 'Headless/useStartCall',
  component: Demo,
  args: { phoneNumber: '+14165550199', outcome: 'answered' },
  argTypes: {
    outcome: {
      control: 'inline-radio',
      options: ['answered', 'busy', 'no-answer', 'failed', 'timeout'],
    },
  },
  parameters: {
    docs: {
      description: {
        component:
          "`useStartCall()` is a TanStack Query mutation over the provider's client; `useActiveInteraction()` reads the live call from the store. This page shows the raw state a call goes through on the simulated client.",
      },
    },
  },
} satisfies Meta<typeof Demo>

export default meta
type Story = StoryObj<typeof meta>

/** Dialing → ringing → connected, then hang up. */
export const Answered: Story = {
  args: { delays: { start: 50, ringing: 200, answer: 300 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Call +14165550199' }))
    const state = canvas.getByRole('status')
    await waitFor(() => expect(state).toHaveTextContent('dialing'))
    await waitFor(() => expect(state).toHaveTextContent('connected'), { timeout: 3000 })
    await userEvent.click(canvas.getByRole('button', { name: 'Hang up' }))
    await waitFor(() => expect(state).toHaveTextContent('ended'))
  },
}

/** The simulated provider answers with Bright Pattern's "Timeout error". */
export const TimeoutError: Story = {
  args: { outcome: 'timeout', delays: { start: 50 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Call +14165550199' }))
    await waitFor(() =>
      expect(canvas.getByTestId('mutation')).toHaveTextContent(
        'error: The phone system did not answer in time',
      ),
    )
  },
}

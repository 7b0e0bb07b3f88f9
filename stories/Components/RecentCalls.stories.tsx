import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect, useRef } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { RecentCalls, useCallLog, WrapUpForm } from '../../src/call-log/index.js'
import type { CallEvent, InteractionAssociatedObject } from '../../src/core/index.js'
import { ar } from '../../src/locales/ar.js'
import {
  ada,
  loadClient,
  storyClient,
  withCalls,
  type CallsParameters,
  type StoryClient,
} from '../support/storyKit.js'
import { dispositions, withCallLog } from '../support/withCallLog.js'

const ended: CallsParameters = { width: 560, scenario: { status: 'ended', outcome: 'completed' } }

const meta = {
  title: 'Components/RecentCalls',
  component: RecentCalls,
  loaders: [loadClient],
  decorators: [withCallLog, withCalls],
  parameters: {
    callLog: { dispositions },
    docs: {
      description: {
        component: [
          'The calls of this session and every call still to be logged, newest first, from `react-click-to-call/call-log`. Each row is named by its call and has "Call again" and "Log" (opens the wrap-up) or "Logged" (opens it to edit).',
          '',
          'Selectors: `.rcc-RecentCalls-row[data-direction][data-outcome][data-log-status="wrap-up|pending|logged"]`, `.rcc-RecentCalls-log[data-logged]`.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof RecentCalls>

export default meta
type Story = StoryObj<typeof meta>

/** Before any call. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('No calls yet.')).toBeVisible()
  },
}

/** One call waiting for its wrap-up: "Log" opens it. */
export const Unlogged: Story = {
  parameters: { calls: ended },
  play: async ({ canvasElement }) => {
    const row = await within(canvasElement).findByRole('listitem', { name: /^Ada Lovelace/ })
    await expect(row).toHaveAttribute('data-log-status', 'wrap-up')
    await expect(
      within(row).getByRole('button', { name: 'Log the call with Ada Lovelace' }),
    ).toBeVisible()
  },
}

/** Beside a wrap-up form: saving it turns "Log" into "Logged". */
export const WithWrapUp: Story = {
  parameters: { calls: ended },
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <WrapUpForm headingLevel={3} />
      <RecentCalls {...args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('form')
    await userEvent.type(canvas.getByRole('textbox', { name: 'Notes' }), 'Sent the quote')
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
    await waitFor(() =>
      expect(
        canvas.getByRole('button', { name: 'Logged: edit the call with Ada Lovelace' }),
      ).toBeVisible(),
    )
  },
}

const person = (id: string, displayName: string): InteractionAssociatedObject => ({
  id,
  type: 'contact',
  displayName,
  displayType: 'Contact',
  customFields: {},
})

const MINUTE = 60_000

/**
 * An afternoon of calls, as the provider reported them: an outgoing call already logged, an
 * incoming call from a number with no record, a call nobody answered, a failed one, and the
 * call that just ended (its wrap-up still open).
 */
function CallHistory({ client }: { client: StoryClient }) {
  const callLog = useCallLog()
  const done = useRef(false)
  useEffect(() => {
    if (done.current) return
    done.current = true
    const now = Date.now()
    const call = (
      interactionId: string,
      startMinutesAgo: number,
      fields: Pick<
        CallEvent & { type: 'status' },
        'phoneNumber' | 'associatedObject' | 'direction'
      >,
      end: { talkMs: number } | { outcome: 'no-answer' | 'busy' } | { failed: string },
    ) => {
      const at = now - startMinutesAgo * MINUTE
      const base = { interactionId, ...fields }
      client.emit({
        ...base,
        type: 'status',
        status: fields.direction === 'inbound' ? 'ringing' : 'dialing',
        at,
      })
      if ('failed' in end)
        return client.emit({
          ...base,
          type: 'failed',
          error: { code: 'provider_error', message: end.failed },
          at: at + 2_000,
        })
      if ('outcome' in end)
        return client.emit({ ...base, type: 'ended', outcome: end.outcome, at: at + 30_000 })
      client.emit({ ...base, type: 'status', status: 'connected', at: at + 6_000 })
      client.emit({ ...base, type: 'ended', outcome: 'completed', at: at + 6_000 + end.talkMs })
    }
    // Speak once CallProvider listens (its effect runs after this child's).
    setTimeout(() => {
      call(
        'story-1',
        185,
        { phoneNumber: '+12025550147', associatedObject: person('003A2', 'Grace Hopper') },
        { talkMs: 4 * MINUTE + 17_000 },
      )
      call(
        'story-2',
        122,
        { phoneNumber: '+442079460018', direction: 'inbound' },
        { talkMs: 65_000 },
      )
      call(
        'story-3',
        64,
        { phoneNumber: '+17575550123', associatedObject: person('003A4', 'Katherine Johnson') },
        { outcome: 'no-answer' },
      )
      call(
        'story-4',
        31,
        { phoneNumber: '+14155550132', associatedObject: person('003A5', 'Hedy Lamarr') },
        { failed: 'The carrier rejected the call.' },
      )
      call('story-5', 6, { phoneNumber: '+14165550199', associatedObject: ada }, { talkMs: 83_000 })
      void callLog.submit('story-1', { disposition: 'interested', notes: 'Sent the price list' })
    }, 0)
  }, [client, callLog])
  return null
}

const expectHistory = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const canvas = within(canvasElement)
  const list = await canvas.findByRole('list', { name: 'Recent calls' })
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(5))
  const rows = within(list).getAllByRole('listitem')
  // Newest first, each named by its call.
  await expect(rows[0]).toHaveAccessibleName(/^Ada Lovelace, Outgoing, Completed, 01:23, /)
  await expect(rows[1]).toHaveAccessibleName(/^Hedy Lamarr, Outgoing, Failed, 00:00, /)
  await expect(rows[2]).toHaveAccessibleName(/^Katherine Johnson, Outgoing, No answer, 00:00, /)
  await expect(rows[3]).toHaveAccessibleName(/^\+44 20 7946 0018, Incoming, Completed, 01:05, /)
  await expect(rows[4]).toHaveAccessibleName(/^Grace Hopper, Outgoing, Completed, 04:17, /)
  await waitFor(() =>
    expect(
      within(rows[4]!).getByRole('button', { name: 'Logged: edit the call with Grace Hopper' }),
    ).toBeVisible(),
  )
  await expect(
    within(rows[0]!).getByRole('button', { name: 'Log the call with Ada Lovelace' }),
  ).toBeVisible()
}

const history: Story = {
  parameters: { calls: { width: 480 } },
  render: (args, context) => (
    <>
      <CallHistory client={storyClient(context)} />
      <RecentCalls {...args} />
    </>
  ),
  play: expectHistory,
}

/** An afternoon of calls: logged, waiting for a wrap-up, incoming, unanswered and failed. */
export const History: Story = history

/** The same calls in the dark theme. */
export const Dark: Story = {
  ...history,
  parameters: { calls: { width: 480, theme: 'dark' } },
}

/** Right to left: the rows mirror, the numbers stay left to right. */
export const RightToLeft: Story = {
  ...history,
  parameters: { calls: { width: 480, dir: 'rtl', lang: 'ar', messages: ar } },
}

/** In a 360 px column: the actions wrap under the facts. */
export const Narrow: Story = {
  ...history,
  parameters: { calls: { width: 360 } },
}

import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { RecentCalls, WrapUpForm } from '../../src/call-log/index.js'
import { loadClient, withCalls, type CallsParameters } from '../support/storyKit.js'
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

import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { CallerIdSelect } from '../../src/caller-id/index.js'
import { CallButton } from '../../src/index.js'
import {
  ada,
  loadClient,
  storyClient,
  withCalls,
  type CallsParameters,
} from '../support/storyKit.js'

const numbers: CallsParameters = {
  client: {
    callerIds: [
      { number: '+14165550100', label: 'Toronto office', default: true },
      { number: '+16135550100', label: 'Ottawa office' },
      { number: '+15145550100' },
    ],
  },
}

const meta = {
  title: 'Components/CallerIdSelect',
  component: CallerIdSelect,
  loaders: [loadClient],
  decorators: [withCalls],
  // Memory only: a story never remembers a choice into the next one.
  args: { storage: null },
  parameters: {
    docs: {
      description: {
        component: [
          'A labelled "Call from" select of the numbers a person may call from, from `react-click-to-call/caller-id`. Every start without its own `from` then calls from the chosen number; with `userId`, the last choice is remembered per user. Renders nothing where the provider has no choice (capability `callerId`).',
          '',
          'Selectors: `.rcc-CallerIdSelect` (`[data-loading]`), `.rcc-CallerIdSelect-label`, `.rcc-CallerIdSelect-select`.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof CallerIdSelect>

export default meta
type Story = StoryObj<typeof meta>

/** The provider's default is chosen; choosing another number makes the next call come from it. */
export const BesideACallButton: Story = {
  parameters: { calls: numbers },
  render: (args) => (
    <div style={{ display: 'grid', gap: 12, justifyItems: 'start' }}>
      <CallerIdSelect {...args} />
      <CallButton phoneNumber="+14165550199" associatedObject={ada} />
    </div>
  ),
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const select = canvas.getByRole('combobox', { name: 'Call from' })
    await waitFor(() => expect(select).toHaveDisplayValue('Toronto office (+14165550100)'))
    await userEvent.selectOptions(select, 'Ottawa office (+16135550100)')
    await userEvent.click(canvas.getByRole('button', { name: 'Call Ada Lovelace' }))
    await waitFor(() => expect(storyClient(context).control.requests[0]?.from).toBe('+16135550100'))
  },
}

/** A provider without the choice: nothing is shown. */
export const NotSupported: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('combobox')).toBeNull()
  },
}

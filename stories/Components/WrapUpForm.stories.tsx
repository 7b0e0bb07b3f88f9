import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { WrapUpForm } from '../../src/call-log/index.js'
import { loadClient, withCalls, type CallsParameters } from '../support/storyKit.js'
import { dispositions, withCallLog, type CallLogParameters } from '../support/withCallLog.js'
import { ar } from '../../src/locales/ar.js'

const ended: CallsParameters = { width: 480, scenario: { status: 'ended', outcome: 'completed' } }
const story = (callLog: CallLogParameters, calls: CallsParameters = ended) => ({ calls, callLog })

const meta = {
  title: 'Components/WrapUpForm',
  component: WrapUpForm,
  loaders: [loadClient],
  decorators: [withCallLog, withCalls],
  parameters: {
    docs: {
      description: {
        component: [
          "The wrap-up of a call, from `react-click-to-call/call-log`: the call as a heading (name, number, outcome, duration), a disposition select, notes, Save and (when optional) Skip. It appears when a call ends and logs the call once through `CallLogProvider`'s `onCallLog`; typed notes stay through errors and reloads.",
          '',
          'Selectors: `.rcc-WrapUpForm[data-status="editing|saving|saved|error"][data-mode="optional|required"]`, `.rcc-WrapUpForm-save[data-pending]`, `.rcc-WrapUpForm-status` (polite), `.rcc-WrapUpForm-error` (`role="alert"`).',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof WrapUpForm>

export default meta
type Story = StoryObj<typeof meta>

const formIn = (canvasElement: HTMLElement) => within(canvasElement).findByRole('form')

async function typeAndSave(canvasElement: HTMLElement) {
  const canvas = within(canvasElement)
  await formIn(canvasElement)
  await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Disposition' }), 'callback')
  await userEvent.type(canvas.getByRole('textbox', { name: 'Notes' }), 'Call back on Tuesday')
  await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
}

/** The call just ended: the agent picks a disposition and types notes. Skip is offered. */
export const Editing: Story = {
  parameters: story({ dispositions }),
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement)
    await expect(form).toHaveAttribute('data-status', 'editing')
    await expect(within(form).getByRole('button', { name: 'Skip' })).toBeVisible()
  },
}

/** `wrapUp="required"`: no Skip, and Save asks for a disposition before anything is sent. */
export const Required: Story = {
  parameters: story({ dispositions, wrapUp: 'required' }),
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement)
    await expect(within(form).queryByRole('button', { name: 'Skip' })).toBeNull()
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }))
    await expect(within(form).getByRole('combobox', { name: 'Disposition' })).toHaveAttribute(
      'aria-invalid',
      'true',
    )
    await expect(form).toHaveTextContent('Choose a disposition to save this call.')
  },
}

/** The CRM has not answered yet: Save shows "Saving…" and keeps its focus. */
export const Saving: Story = {
  parameters: story({ dispositions, crm: 'hang' }),
  play: async ({ canvasElement }) => {
    await typeAndSave(canvasElement)
    const form = await formIn(canvasElement)
    await waitFor(() => expect(form).toHaveAttribute('data-status', 'saving'))
    await expect(within(form).getByRole('button', { name: 'Saving…' })).toHaveFocus()
  },
}

/** The CRM has the call: "Call logged." is announced. Editing the notes and saving again updates it. */
export const Saved: Story = {
  parameters: story({ dispositions }),
  play: async ({ canvasElement }) => {
    await typeAndSave(canvasElement)
    const form = await formIn(canvasElement)
    await waitFor(() => expect(form).toHaveAttribute('data-status', 'saved'))
    await expect(within(form).getByRole('status')).toHaveTextContent('Call logged.')
  },
}

/** The write failed: the error is announced, the notes stay, and the write is retried by itself. */
export const Failed: Story = {
  parameters: story({ dispositions, crm: 'fail' }),
  play: async ({ canvasElement }) => {
    await typeAndSave(canvasElement)
    const form = await formIn(canvasElement)
    await waitFor(() => expect(form).toHaveAttribute('data-status', 'error'))
    await expect(within(form).getByRole('alert')).toHaveTextContent(
      'Not logged yet: The CRM did not answer (503).',
    )
    await expect(within(form).getByRole('textbox', { name: 'Notes' })).toHaveValue(
      'Call back on Tuesday',
    )
  },
}

/** A call nobody answered, without a disposition list: notes only. */
export const NoAnswerNotesOnly: Story = {
  parameters: story({}, { ...ended, scenario: { status: 'ended', outcome: 'no-answer' } }),
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement)
    await expect(within(form).getByRole('heading')).toHaveTextContent('No answer')
    await expect(within(form).queryByRole('combobox')).toBeNull()
  },
}

const editing = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const form = await formIn(canvasElement)
  await expect(form).toHaveAttribute('data-status', 'editing')
  await expect(within(form).getByRole('heading')).toHaveTextContent(
    /^Ada Lovelace, \+1 416 555 0199, Completed, 00:00$/,
  )
}

/** A failed call: the outcome chip is the only one in the error colour. */
export const FailedCall: Story = {
  parameters: story(
    { dispositions },
    { ...ended, scenario: { status: 'failed', reason: 'The carrier rejected the call.' } },
  ),
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement)
    await expect(within(form).getByRole('heading')).toHaveTextContent('Failed')
  },
}

/** The dark theme. */
export const Dark: Story = {
  parameters: story({ dispositions }, { ...ended, theme: 'dark' }),
  play: editing,
}

/** Right to left: the form mirrors, the number stays left to right. */
export const RightToLeft: Story = {
  parameters: story({ dispositions }, { ...ended, dir: 'rtl', lang: 'ar', messages: ar }),
  play: editing,
}

/** In a 360 px column. */
export const Narrow: Story = {
  parameters: story({ dispositions }, { ...ended, width: 360 }),
  play: editing,
}

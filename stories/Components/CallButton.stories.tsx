import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { CallButton, Dialpad } from '../../src/index.js'
import {
  ada,
  loadClient,
  longNamed,
  storyClient,
  withCalls,
  type CallsParameters,
} from '../support/storyKit.js'
import { ar } from '../../src/locales/ar.js'
import { expectReadsLeftToRight } from '../support/play.js'

const calls = (parameters: CallsParameters) => ({ calls: parameters })

const meta = {
  title: 'Components/CallButton',
  component: CallButton,
  loaders: [loadClient],
  decorators: [withCalls],
  args: {
    phoneNumber: '+14165550199',
    associatedObject: ada,
    onStarted: fn(),
    onError: fn(),
  },
  argTypes: {
    children: { control: 'text' },
    variant: { control: 'inline-radio', options: ['solid', 'soft', 'icon', 'link'] },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
  },
  parameters: {
    docs: {
      description: {
        component: [
          "A click-to-call button for a contact's number. It starts the call through the provider's client, ignores further clicks while the start is pending, and shows and announces a failed start.",
          '',
          'Its accessible name says whom it calls (`Call Ada Lovelace`, from `associatedObject.displayName`, else the formatted number). State is exposed as data attributes for styling: `data-status="idle | pending | deferred | active | error"`, `data-variant="solid | soft | icon | link"`, `data-size="small | medium | large"`, `data-pending`, `data-disabled`, `data-invalid`. Every story here runs on the simulated client.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof CallButton>

export default meta
type Story = StoryObj<typeof meta>

/** Ready to call. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Call Ada Lovelace' })
    await expect(button).toHaveAttribute('data-status', 'idle')
  },
}

/** Without a record, the button is named after the formatted number. */
export const NamedAfterTheNumber: Story = {
  args: { associatedObject: undefined },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('button', { name: 'Call +1 416 555 0199' }),
    ).toBeInTheDocument()
  },
}

/** The start is in flight: `aria-busy`, `data-pending`, "Calling…". A second click sends nothing. */
export const Pending: Story = {
  parameters: calls({ client: { delays: { start: 600_000 } } }),
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const button = canvas.getByRole('button', { name: 'Call Ada Lovelace' })
    await userEvent.dblClick(button)
    await expect(button).toHaveAttribute('aria-busy', 'true')
    await expect(button).toHaveAttribute('data-pending')
    await expect(button).toHaveTextContent('Calling…')
    await expect(button).toHaveAccessibleName('Calling Ada Lovelace…')
    await userEvent.click(button)
    await expect(storyClient(context).control.requests).toHaveLength(1)
  },
}

/**
 * Its number has a live call: `data-status="active"`, the call's state and timer in its label and
 * name ("Ada Lovelace, ringing"). Pressing it again shows that call; it never dials twice.
 */
export const Active: Story = {
  play: async (context) => {
    const button = within(context.canvasElement).getByRole('button', { name: 'Call Ada Lovelace' })
    await userEvent.click(button)
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'active'))
    await expect(button).toHaveAccessibleName(
      /^Ada Lovelace, (dialing|ringing|connected \d\d:\d\d)$/,
    )
    await expect(context.args.onStarted).toHaveBeenCalledWith({
      // The simulated client's first call: its prefix is drawn per page load.
      id: expect.stringMatching(/^sim-[a-z0-9]{4}-1$/),
      deferred: false,
      phoneNumber: '+14165550199',
      joined: false,
    })
    await userEvent.click(button)
    await expect(storyClient(context).control.requests).toHaveLength(1)
    await expect(context.args.onStarted).toHaveBeenCalledTimes(1)
  },
}

/**
 * The provider has Deferred Dial on: the number goes to the dialpad, which takes focus and
 * announces it; nothing is dialed until the person presses Call there.
 */
export const Deferred: Story = {
  parameters: calls({ client: { deferredDial: true } }),
  render: (args) => (
    <div style={{ display: 'flex', gap: 32, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <CallButton {...args} />
      <Dialpad />
    </div>
  ),
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const button = canvas.getByRole('button', { name: 'Call Ada Lovelace' })
    await userEvent.click(button)
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'deferred'))
    await expect(canvas.getByRole('textbox', { name: 'Phone number' })).toHaveValue('+14165550199')
    await expect(canvas.getByRole('button', { name: 'Call' })).toHaveFocus()
  },
}

/** The provider refused the start: the error is shown, announced (`role="alert"`) and is the button's description. */
export const StartFailed: Story = {
  parameters: calls({
    failNextStart: { code: 'not_ready', message: 'Log in to the phone system to place calls.' },
  }),
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const button = canvas.getByRole('button', { name: 'Call Ada Lovelace' })
    await userEvent.click(button)
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('Log in to the phone system to place calls.')
    await expect(button).toHaveAccessibleDescription('Log in to the phone system to place calls.')
    await expect(button).toHaveAttribute('data-status', 'error')
    await expect(context.args.onError).toHaveBeenCalled()
  },
}

/** The number cannot be dialed: the button is disabled, focusable, and its description says why. */
export const InvalidNumber: Story = {
  args: { phoneNumber: '+1 416' },
  play: async (context) => {
    const button = within(context.canvasElement).getByRole('button', { name: 'Call Ada Lovelace' })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(button).toHaveAccessibleDescription(
      '“+1 416” is not a complete international number: after + come the country code and the number.',
    )
    // The reason is on screen without hovering, whole: inside the viewport, never cut at an edge.
    const reason = within(context.canvasElement).getByText(/is not a complete international number/)
    await expect(reason).toBeVisible()
    const box = reason.getBoundingClientRect()
    await expect(box.left).toBeGreaterThanOrEqual(0)
    await expect(box.right).toBeLessThanOrEqual(document.documentElement.clientWidth)
    await userEvent.click(button)
    await expect(storyClient(context).control.requests).toHaveLength(0)
  },
}

/** The phone system is not connected: nothing can be dialed, and the button says so. */
export const PhoneSystemUnavailable: Story = {
  parameters: calls({ connectionClosed: true }),
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Call Ada Lovelace' })
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'))
    await expect(button).toHaveAccessibleDescription(
      'Calls are unavailable: the phone system is not connected.',
    )
  },
}

/** Signed out of the phone system: the button says so beside it, stays focusable and dials nothing. */
export const SignedOut: Story = {
  parameters: calls({ signedOut: true }),
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const button = canvas.getByRole('button', { name: 'Call Ada Lovelace' })
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'))
    await expect(canvas.getByText('Sign in to the phone system to call.')).toBeVisible()
    await expect(button).toHaveAccessibleDescription('Sign in to the phone system to call.')
    button.focus()
    await expect(button).toHaveFocus()
    await userEvent.click(button)
    await expect(storyClient(context).control.requests).toHaveLength(0)
  },
}

/** The app turned click-to-dial off (`<CallProvider clickToDial={false}>`). */
export const ClickToDialOff: Story = {
  parameters: calls({ clickToDial: false }),
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Call Ada Lovelace' })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(button).toHaveAccessibleDescription('Click-to-dial is turned off.')
  },
}

/** Disabled by the app: focusably (`aria-disabled`), as for its own reasons. */
export const Disabled: Story = {
  args: { disabled: true },
}

/** Own label; the accessible name still says whom it calls. */
export const CustomLabel: Story = {
  args: { children: 'Call mobile' },
}

/** A very long name: the visible label stays short, the name is complete. */
export const LongName: Story = {
  args: { associatedObject: longNamed },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('button', { name: `Call ${longNamed.displayName}` }),
    ).toBeInTheDocument()
  },
}

/** Right to left, with the strings translated through `CallProvider` `messages`. */
export const RightToLeft: Story = {
  parameters: calls({ dir: 'rtl', lang: 'ar', messages: ar }),
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('button', { name: 'الاتصال بـ Ada Lovelace' }),
    ).toBeInTheDocument()
  },
}

/**
 * Right to left, the link variant: the number is the control and keeps its left-to-right order
 * ("+1 416 555 0199", never "0199 555 416 1+").
 */
export const RightToLeftLink: Story = {
  args: { variant: 'link', associatedObject: undefined },
  parameters: calls({ dir: 'rtl', lang: 'ar', messages: ar }),
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', {
      name: 'الاتصال بـ +1 416 555 0199',
    })
    await expectReadsLeftToRight(button, '+1 416 555 0199')
  },
}

/** Dark theme: every state side by side. */
export const Dark: Story = {
  parameters: calls({ theme: 'dark' }),
  render: (args) => (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <CallButton {...args} />
      <CallButton {...args} phoneNumber="+1 416" />
      <CallButton {...args} disabled />
    </div>
  ),
}

const VARIANTS = ['solid', 'soft', 'icon', 'link'] as const
const SIZES = ['small', 'medium', 'large'] as const

/**
 * `variant="solid" | "soft" | "icon" | "link"` by `size="small" | "medium" | "large"`. The link
 * variant makes the number itself the control; every variant keeps the name "Call Ada Lovelace".
 */
export const Variants: Story = {
  render: (args) => (
    <table style={{ borderSpacing: 16, textAlign: 'start' }}>
      <thead>
        <tr>
          <th scope="col">variant</th>
          {SIZES.map((size) => (
            <th key={size} scope="col">
              {size}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {VARIANTS.map((variant) => (
          <tr key={variant}>
            <th scope="row">{variant}</th>
            {SIZES.map((size) => (
              <td key={size}>
                <CallButton {...args} variant={variant} size={size} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  ),
  play: async ({ canvasElement }) => {
    const buttons = within(canvasElement).getAllByRole('button', { name: 'Call Ada Lovelace' })
    await expect(buttons).toHaveLength(12)
    const icon = buttons.find((button) => button.dataset.variant === 'icon')!
    await expect(icon).not.toHaveTextContent('Call')
    const link = buttons.find((button) => button.dataset.variant === 'link')!
    await expect(link).toHaveTextContent('+1 416 555 0199')
  },
}

/** Every variant with an invalid number: each shows why it cannot call, without hovering. */
export const VariantsUnavailable: Story = {
  args: { phoneNumber: '4165550123' },
  render: (args) => (
    <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      {VARIANTS.map((variant) => (
        <CallButton key={variant} {...args} variant={variant} />
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    for (const note of within(canvasElement).getAllByText(/Add the country code/))
      await expect(note).toBeVisible()
  },
}

/** Dark theme: the variants. */
export const DarkVariants: Story = {
  parameters: calls({ theme: 'dark' }),
  render: (args) => (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'center' }}>
      {VARIANTS.map((variant) => (
        <CallButton key={variant} {...args} variant={variant} />
      ))}
    </div>
  ),
}

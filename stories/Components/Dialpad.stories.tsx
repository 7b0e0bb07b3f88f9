import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { CallStatusBanner, Dialpad, type DialpadProps } from '../../src/index.js'
import {
  ada,
  loadClient,
  storyClient,
  withCalls,
  type CallsParameters,
} from '../support/storyKit.js'
import { ar } from '../../src/locales/ar.js'

const calls = (parameters: CallsParameters) => ({ calls: parameters })

const meta = {
  title: 'Components/Dialpad',
  component: Dialpad,
  loaders: [loadClient],
  decorators: [withCalls],
  args: {
    onValueChange: fn(),
    onStarted: fn(),
    onError: fn(),
  },
  parameters: {
    docs: {
      description: {
        component: [
          'A phone dialpad: a `tel` textbox named "Phone number", keys 1–9, *, 0, # with their letters, Delete and Call. Typing keeps only dialable characters; holding 0 types `+`; Enter places the call.',
          '',
          'What is pasted is what is dialed, or it is refused with the reason: a `tel:` URI is read as a URI; an extension (`;ext=`, `ext.`, `x`, `#`) dials the main number and is sent as tones once connected (refused where the provider has no DTMF); keypad letters become digits (1-800-FLOWERS); Arabic-Indic, Persian and full-width digits become ASCII; invisible and bidi characters are stripped; anything else is refused, and what was typed stays.',
          '',
          'A deferred dial fills it: the number appears, focus moves to Call, and the prefill is announced. While a call is connected it becomes a DTMF keypad: keys (and the keyboard\'s digit keys) send tones to the call. Controlled (`value` + `onValueChange`) or not (`defaultValue`). Selectors: `.rcc-Dialpad[data-mode="dial|dtmf"]`, `[data-pending]`, `[data-invalid]`, `[data-prefilled]`, `[data-held]`, `.rcc-Dialpad-key[data-key="0"]`.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof Dialpad>

export default meta
type Story = StoryObj<typeof meta>

/** Empty, ready for a number. */
export const Idle: Story = {}

/** Typing with the keys and the keyboard; letters are dropped; Delete removes the last digit. */
export const Typing: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const input = canvas.getByRole('textbox', { name: 'Phone number' })
    await userEvent.type(input, '(416) 555-01x')
    await expect(input).toHaveValue('41655501')
    await userEvent.click(canvas.getByRole('button', { name: '9 WXYZ' }))
    await userEvent.click(canvas.getByRole('button', { name: '9 WXYZ' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Delete' }))
    await expect(input).toHaveValue('416555019')
    await expect(args.onValueChange).toHaveBeenLastCalledWith('416555019')
  },
}

/** Holding 0 types "+", as on a phone. */
export const LongPressZero: Story = {
  args: { longPressMs: 300 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const zero = canvas.getByRole('button', { name: '0 +' })
    await userEvent.pointer({ keys: '[MouseLeft>]', target: zero })
    await new Promise((resolve) => setTimeout(resolve, 450))
    await userEvent.pointer({ keys: '[/MouseLeft]', target: zero })
    await expect(canvas.getByRole('textbox', { name: 'Phone number' })).toHaveValue('+')
  },
}

/** Enter places the call; the Call button shows "Calling…" while the start is pending. */
export const Pending: Story = {
  parameters: calls({ client: { delays: { start: 600_000 } } }),
  play: async (context) => {
    const canvas = within(context.canvasElement)
    await userEvent.type(
      canvas.getByRole('textbox', { name: 'Phone number' }),
      '+14165550199{Enter}',
    )
    const call = canvas.getByRole('button', { name: 'Calling…' })
    await expect(call).toHaveAttribute('aria-busy', 'true')
    await userEvent.click(call)
    await expect(storyClient(context).control.requests).toHaveLength(1)
  },
}

/** A number that cannot be called: the message is inline and is the textbox's description. */
export const InvalidNumber: Story = {
  args: { defaultValue: '4165550199' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Call' }))
    const input = canvas.getByRole('textbox', { name: 'Phone number' })
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    await expect(input).toHaveAccessibleDescription(
      'Add the country code to “4165550199”, for example +1 for the US and Canada.',
    )
    await expect(input).toHaveFocus()
  },
}

/** Filled by a deferred dial: the number is highlighted, Call has focus, and the prefill was announced. */
export const Prefilled: Story = {
  parameters: calls({ prefill: '+14165550199' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() =>
      expect(canvas.getByRole('textbox', { name: 'Phone number' })).toHaveValue('+14165550199'),
    )
    await expect(canvas.getByRole('button', { name: 'Call' })).toHaveFocus()
    await expect(canvas.getByRole('status')).toHaveTextContent(
      '+1 416 555 0199 is on the dialpad. Press Call to dial.',
    )
  },
}

/**
 * With `CallProvider`'s `asYouType` (`createAsYouTypeFormatter(metadata)` from
 * `react-click-to-call/phone`), the number is formatted as it is typed, pasted or prefilled, in
 * the provider's region (here CA). The caret stays after the digit being typed, and deleting a
 * space or parenthesis deletes the digit beyond it. What is sent is the digits shown, in E.164.
 */
export const FormattedAsYouType: Story = {
  parameters: calls({ asYouType: true, defaultRegion: 'CA' }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const input = canvas.getByRole<HTMLInputElement>('textbox', { name: 'Phone number' })
    await userEvent.type(input, '416550199')
    await expect(input).toHaveValue('(416) 550-199')
    // A 5 typed after "(416) 5": the hyphen moves, the caret stays after the new digit.
    await userEvent.type(input, '5', { initialSelectionStart: 7, initialSelectionEnd: 7 })
    await expect(input).toHaveValue('(416) 555-0199')
    await expect(input.selectionStart).toBe('(416) 55'.length)
    // Backspace after "(416) " deletes the 6 beyond the space, not only the space.
    await userEvent.type(input, '{Backspace}', { initialSelectionStart: 6, initialSelectionEnd: 6 })
    await expect(input).toHaveValue('(415) 550-199')
    await expect(input.selectionStart).toBe('(41'.length)
    await userEvent.keyboard('6')
    await expect(input).toHaveValue('(416) 555-0199')
    await expect(input.selectionStart).toBe('(416'.length)
    await expect(args.onValueChange).toHaveBeenLastCalledWith('4165550199')
  },
}

/** The start failed: shown, announced, and the Call button's description. */
export const StartFailed: Story = {
  parameters: calls({
    failNextStart: {
      code: 'unauthorized',
      message: 'Your phone session expired. Sign in again to place calls.',
    },
  }),
  args: { defaultValue: '+14165550199' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Call' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Your phone session expired.')
  },
}

/** While a call is connected, the keys send DTMF tones and show what was sent. */
export const Tones: Story = {
  parameters: calls({ scenario: { status: 'connected' } }),
  render: (args) => (
    <div style={{ display: 'grid', gap: 16, maxWidth: 560 }}>
      <CallStatusBanner />
      <Dialpad {...args} />
    </div>
  ),
  play: async (context) => {
    const canvas = within(context.canvasElement)
    await canvas.findByRole('group', { name: 'Keypad: tones go to the call' })
    await userEvent.click(canvas.getByRole('button', { name: '1' }))
    await userEvent.click(canvas.getByRole('button', { name: '2 ABC' }))
    await userEvent.click(canvas.getByRole('button', { name: '#' }))
    await waitFor(() => expect(canvas.getByText('Tones sent: 12#')).toBeInTheDocument())
    await expect(storyClient(context).control.calls()[0]?.dtmf).toBe('12#')
  },
}

/**
 * A pasted `tel:` URI with an extension: the main number is shown and dialed, the extension waits
 * under it and goes as tones once the call connects.
 */
export const PastedExtension: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 16, maxWidth: 560 }}>
      <CallStatusBanner />
      <Dialpad {...args} />
    </div>
  ),
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const input = canvas.getByRole('textbox', { name: 'Phone number' })
    await userEvent.click(input)
    await userEvent.paste('tel:+1-416-555-0199;ext=123')
    await expect(input).toHaveValue('+14165550199')
    await expect(
      canvas.getByText('Extension 123 is sent as tones once the call connects.'),
    ).toBeInTheDocument()
    await userEvent.click(canvas.getByRole('button', { name: 'Call' }))
    const client = storyClient(context)
    await waitFor(() => expect(client.control.calls()[0]?.status).toBe('dialing'))
    await expect(client.control.requests[0]?.phoneNumber).toBe('+14165550199')
    const id = client.control.calls()[0]!.id
    client.control.setOptions({ outcome: 'answered' })
    client.control.advance(id)
    client.control.advance(id)
    await waitFor(() => expect(canvas.getByText('Tones sent: 123')).toBeInTheDocument())
    await expect(client.control.calls()[0]?.dtmf).toBe('123')
  },
}

/** A paste that is not a number is refused with the reason; what was typed stays. */
export const PasteRefused: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const input = canvas.getByRole('textbox', { name: 'Phone number' })
    await userEvent.type(input, '+1416')
    await userEvent.paste('ada@example.com')
    await expect(input).toHaveValue('+1416')
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'Not pasted: “a” is not part of a phone number.',
    )
  },
}

/** The DTMF keypad while the call is on hold: keys are unavailable. */
export const TonesOnHold: Story = {
  parameters: calls({ scenario: { status: 'held' } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const pad = await canvas.findByRole('group', { name: 'Keypad: tones go to the call' })
    await waitFor(() => expect(pad).toHaveAttribute('data-held'))
  },
}

function ControlledDialpad(props: DialpadProps) {
  const [value, setValue] = useState('+44')
  return (
    <div style={{ display: 'grid', gap: 12, justifyItems: 'start' }}>
      <Dialpad
        {...props}
        value={value}
        onValueChange={(next) => {
          setValue(next)
          props.onValueChange?.(next)
        }}
      />
      <p style={{ margin: 0 }}>
        App state: <output aria-label="App state">{value || '(empty)'}</output>
      </p>
    </div>
  )
}

/** Controlled: the app holds the number (`value` + `onValueChange`). */
export const Controlled: Story = {
  render: (args) => <ControlledDialpad {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(canvas.getByRole('textbox', { name: 'Phone number' }), '2071838750')
    await expect(canvas.getByLabelText('App state')).toHaveTextContent('+442071838750')
  },
}

/** The record that travels with calls placed from this dialpad. */
export const WithRecord: Story = {
  args: { associatedObject: ada, defaultValue: '+14165550199' },
  play: async (context) => {
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: 'Call' }))
    await waitFor(() =>
      expect(storyClient(context).control.requests[0]?.initialObject).toEqual(ada),
    )
  },
}

/** Signed out of the phone system: the pad says so under the keys; Call stays focusable and dials nothing. */
export const SignedOut: Story = {
  args: { defaultValue: '+14165550199' },
  parameters: calls({ signedOut: true }),
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const call = canvas.getByRole('button', { name: 'Call' })
    await waitFor(() => expect(call).toHaveAttribute('aria-disabled', 'true'))
    await expect(canvas.getByText('Sign in to the phone system to call.')).toBeVisible()
    await expect(call).toHaveAccessibleDescription('Sign in to the phone system to call.')
    await userEvent.click(call)
    await expect(storyClient(context).control.requests).toHaveLength(0)
  },
}

/** Disabled by the app. */
export const Disabled: Story = {
  args: { disabled: true, defaultValue: '+14165550199' },
}

/** An app that disables the pad once ten digits are typed, here to show where focus goes. */
function LockingDialpad(args: DialpadProps) {
  const [value, setValue] = useState('')
  return (
    <Dialpad
      {...args}
      value={value}
      onValueChange={(next) => {
        args.onValueChange?.(next)
        setValue(next)
      }}
      disabled={value.length >= 10}
    />
  )
}

/**
 * Disabled by the app while a keyboard user types: the browser would drop focus from the
 * disabled textbox to the page; it goes to Call, which stays focusable and says it is disabled.
 */
export const DisabledWhileTyping: Story = {
  render: (args) => <LockingDialpad {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const input = canvas.getByRole('textbox', { name: 'Phone number' })
    await userEvent.type(input, '4165550199')
    await expect(input).toBeDisabled()
    const call = canvas.getByRole('button', { name: 'Call' })
    await waitFor(() => expect(call).toHaveFocus())
    await expect(call).toHaveAttribute('aria-disabled', 'true')
  },
}

/** Right to left: the number stays left to right, the strings come from `messages`. */
export const RightToLeft: Story = {
  args: { defaultValue: '+966112345678' },
  parameters: calls({ dir: 'rtl', lang: 'ar', messages: ar }),
}

/** Dark theme. */
export const Dark: Story = {
  args: { defaultValue: '+14165550199' },
  parameters: calls({ theme: 'dark' }),
}

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { CallButton } from '../../src/components/CallButton.js'
import { Dialpad } from '../../src/components/Dialpad.js'
import { ParentOfDialpad } from './ParentOfDialpad.js'
import { ada, createTestClient, renderWithCalls } from './renderWithCalls.js'

const textbox = () => screen.getByRole('textbox', { name: 'Phone number' })
const key = (name: string) => screen.getByRole('button', { name })

/** Starts a call from the dialpad and waits until it is connected. */
async function connectCall(
  user: ReturnType<typeof userEvent.setup>,
  client: ReturnType<typeof createTestClient>,
) {
  await user.type(textbox(), '+14165550199{Enter}')
  await waitFor(() => expect(client.control.calls()[0]?.status).toBe('ringing'))
  act(() => client.control.advance('sim-1'))
  await waitFor(() => expect(client.control.calls()[0]?.status).toBe('connected'))
}

describe('Dialpad', () => {
  it('has a tel textbox named "Phone number", keys with their letters, Delete and Call', () => {
    renderWithCalls(<Dialpad />)
    const input = textbox()
    expect(input).toHaveAttribute('type', 'tel')
    expect(input).toHaveAttribute('inputmode', 'tel')
    expect(input).toHaveAttribute('autocomplete', 'tel')
    for (const name of [
      '1',
      '2 ABC',
      '3 DEF',
      '4 GHI',
      '5 JKL',
      '6 MNO',
      '7 PQRS',
      '8 TUV',
      '9 WXYZ',
      '*',
      '0 +',
      '#',
    ]) {
      expect(key(name)).toBeInTheDocument()
    }
    expect(key('Delete')).toBeInTheDocument()
    expect(key('Call')).toBeInTheDocument()
    expect(screen.getByRole('group', { name: 'Dialpad' })).toHaveAttribute('data-mode', 'dial')
  })

  it('keeps only dialable characters from typing; reads a pasted tel: URI as a URI', async () => {
    const user = userEvent.setup()
    renderWithCalls(<Dialpad />)
    await user.type(textbox(), 'a1b2-3')
    expect(textbox()).toHaveValue('123')
    await user.clear(textbox())
    await user.click(textbox())
    await user.paste('Tel: +1 (416) 555-0199')
    expect(textbox()).toHaveValue('+14165550199')
  })

  it('dials the main number of a pasted tel: URI and sends its extension as tones once connected', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ delays: { ringing: 10_000 } })
    renderWithCalls(<Dialpad />, { client })
    await user.click(textbox())
    await user.paste('tel:+1-416-555-0199;ext=123')
    // What is shown is what is sent: the main number, and the extension apart.
    expect(textbox()).toHaveValue('+14165550199')
    expect(textbox()).toHaveAccessibleDescription(
      'Extension 123 is sent as tones once the call connects.',
    )
    await user.click(key('Call'))
    await waitFor(() => expect(client.control.calls()[0]?.status).toBe('dialing'))
    expect(client.control.requests[0]?.phoneNumber).toBe('+14165550199')
    expect(client.control.calls()[0]?.dtmf).toBe('')
    act(() => client.control.advance('sim-1'))
    act(() => client.control.advance('sim-1'))
    await waitFor(() => expect(client.control.calls()[0]?.status).toBe('connected'))
    await waitFor(() => expect(screen.getByText('Tones sent: 123')).toBeInTheDocument())
    expect(client.control.calls()[0]?.dtmf).toBe('123')
  })

  it('refuses a pasted extension when the provider cannot send tones, and keeps the typed number', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ capabilities: { dtmf: false } })
    renderWithCalls(<Dialpad />, { client })
    await user.type(textbox(), '+1')
    await user.paste('+1 416 555 0199 x123')
    expect(textbox()).toHaveValue('+1')
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Not pasted: this phone system cannot send extension 123 as tones. Dial the number and ask for the extension.',
    )
  })

  it('maps keypad letters, foreign digits and invisible characters of a paste, and refuses the rest with the reason', async () => {
    const user = userEvent.setup()
    renderWithCalls(<Dialpad />)
    await user.click(textbox())
    await user.paste('1-800-FLOWERS')
    expect(textbox()).toHaveValue('18003569377')
    await user.clear(textbox())
    await user.paste('\u202b+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧\u202c')
    expect(textbox()).toHaveValue('+966501234567')
    await user.clear(textbox())
    await user.paste('＋８１　３－１２３４－５６７８')
    expect(textbox()).toHaveValue('+81312345678')
    await user.clear(textbox())
    await user.type(textbox(), '+1416')
    await user.paste('ada@example.com')
    // Refused, with the reason; what was typed stays.
    expect(textbox()).toHaveValue('+1416')
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Not pasted: “a” is not part of a phone number. Use digits, + and the country code.',
    )
    expect(textbox()).toHaveAccessibleDescription(
      'Not pasted: “a” is not part of a phone number. Use digits, + and the country code.',
    )
    // The next edit clears the refusal.
    await user.type(textbox(), '5')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('pastes digits at the caret and leaves the caret after them', async () => {
    const user = userEvent.setup()
    renderWithCalls(<Dialpad />)
    await user.type(textbox(), '+15550199')
    const input = textbox() as HTMLInputElement
    input.setSelectionRange(2, 2)
    await user.paste('416')
    expect(input).toHaveValue('+14165550199')
    expect(input.selectionStart).toBe(5)
  })

  it('types with its keys and deletes with Delete', async () => {
    const user = userEvent.setup()
    renderWithCalls(<Dialpad />)
    await user.click(key('4 GHI'))
    await user.click(key('1'))
    await user.click(key('6 MNO'))
    await user.click(key('#'))
    expect(textbox()).toHaveValue('416#')
    await user.click(key('Delete'))
    expect(textbox()).toHaveValue('416')
  })

  it('types "+" on a long press of 0, and "0" on a short one', async () => {
    const user = userEvent.setup()
    renderWithCalls(<Dialpad longPressMs={40} />)
    const zero = key('0 +')
    await user.pointer({ keys: '[MouseLeft>]', target: zero })
    await new Promise((resolve) => setTimeout(resolve, 80))
    await user.pointer({ keys: '[/MouseLeft]', target: zero })
    expect(textbox()).toHaveValue('+')
    await user.click(zero)
    expect(textbox()).toHaveValue('+0')
  })

  it('places the call on Enter, as a confirmed start with the record', async () => {
    const user = userEvent.setup()
    const onStarted = vi.fn()
    const { client } = renderWithCalls(<Dialpad associatedObject={ada} onStarted={onStarted} />)
    await user.type(textbox(), '+14165550199{Enter}')
    const sim = client as ReturnType<typeof createTestClient>
    await waitFor(() =>
      expect(onStarted).toHaveBeenCalledWith(expect.objectContaining({ id: 'sim-1' })),
    )
    expect(sim.control.requests).toEqual([{ phoneNumber: '+14165550199', initialObject: ada }])
  })

  it('shows why a number cannot be called, inline, and sends nothing', async () => {
    const user = userEvent.setup()
    const { client } = renderWithCalls(<Dialpad />, {
      client: createTestClient({ delays: { answer: 10_000 } }),
    })
    await user.type(textbox(), '12')
    await user.click(key('Call'))
    // "12" is an extension in the default policy: it is sent. A lone digit is not.
    await waitFor(() =>
      expect((client as ReturnType<typeof createTestClient>).control.requests).toHaveLength(1),
    )
    await user.clear(textbox())
    await user.type(textbox(), '7')
    await user.click(key('Call'))
    expect(textbox()).toHaveAttribute('aria-invalid', 'true')
    expect(textbox()).toHaveAccessibleDescription(
      '“7” is too short to be a phone number or an extension.',
    )
    expect(textbox()).toHaveFocus()
    expect(screen.getByRole('group', { name: 'Dialpad' })).toHaveAttribute('data-invalid')
    expect((client as ReturnType<typeof createTestClient>).control.requests).toHaveLength(1)
    await user.type(textbox(), '{Backspace}')
    expect(textbox()).toHaveAccessibleDescription('Enter a phone number.')
  })

  it('is filled by a deferred dial: the number appears, focus moves to Call, and it is announced', async () => {
    const user = userEvent.setup()
    const { client } = renderWithCalls(
      <>
        <CallButton phoneNumber="+14165550199" associatedObject={ada} />
        <Dialpad />
      </>,
      { client: createTestClient({ deferredDial: true }) },
    )
    await user.click(screen.getByRole('button', { name: 'Call Ada Lovelace' }))
    await waitFor(() => expect(textbox()).toHaveValue('+14165550199'))
    await waitFor(() => expect(key('Call')).toHaveFocus())
    expect(
      within(screen.getByRole('group', { name: 'Dialpad' })).getByRole('status'),
    ).toHaveTextContent('+14165550199 is on the dialpad. Press Call to dial.')
    expect(screen.getByRole('group', { name: 'Dialpad' })).toHaveAttribute('data-prefilled')
    await user.keyboard('{Enter}')
    const sim = client as ReturnType<typeof createTestClient>
    await waitFor(() => expect(sim.control.requests).toHaveLength(2))
    // The deferred start's record travels on with its number.
    expect(sim.control.requests[1]).toEqual({
      phoneNumber: '+14165550199',
      initialObject: ada,
    })
    await waitFor(() => expect(sim.control.calls()).toHaveLength(1))
    // The call placed from the pad is the button's call.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /^Ada Lovelace, / })).toHaveAttribute(
        'data-status',
        'active',
      ),
    )
  })

  it('leaves the deferred record behind once the number is typed over', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ deferredDial: true })
    renderWithCalls(
      <>
        <CallButton phoneNumber="+14165550199" associatedObject={ada} />
        <Dialpad />
      </>,
      { client },
    )
    await user.click(screen.getByRole('button', { name: 'Call Ada Lovelace' }))
    await waitFor(() => expect(textbox()).toHaveValue('+14165550199'))
    await user.type(textbox(), '{Backspace}8{Enter}')
    await waitFor(() => expect(client.control.requests).toHaveLength(2))
    expect(client.control.requests[1]).toEqual({ phoneNumber: '+14165550198' })
  })

  it('becomes a DTMF keypad while a call is connected: keys and digit keys send tones', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ delays: { answer: 10_000 } })
    renderWithCalls(<Dialpad />, { client })
    await connectCall(user, client)
    const pad = await screen.findByRole('group', { name: 'Keypad: tones go to the call' })
    expect(pad).toHaveAttribute('data-mode', 'dtmf')
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument()
    expect(screen.getByText('Press keys to send tones.')).toBeInTheDocument()
    await user.click(key('1'))
    await user.click(key('2 ABC'))
    await user.click(key('#'))
    await waitFor(() => expect(client.control.calls()[0]?.dtmf).toBe('12#'))
    expect(screen.getByText('Tones sent: 12#')).toBeInTheDocument()
    // Keyboard: digit keys send tones wherever focus is on the pad.
    await user.keyboard('9*')
    await waitFor(() => expect(client.control.calls()[0]?.dtmf).toBe('12#9*'))
    expect(screen.getByText('Tones sent: 12#9*')).toBeInTheDocument()
    act(() => client.control.end('sim-1'))
    await screen.findByRole('textbox', { name: 'Phone number' })
  })

  it('stays a dialpad during a call when the provider has no DTMF', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ delays: { answer: 10_000 }, capabilities: { dtmf: false } })
    renderWithCalls(<Dialpad />, { client })
    await connectCall(user, client)
    expect(screen.getByRole('group', { name: 'Dialpad' })).toHaveAttribute('data-mode', 'dial')
  })

  it('works controlled: shows value, reports dialable changes and prefills through onValueChange', async () => {
    const user = userEvent.setup()
    const changes: string[] = []
    renderWithCalls(
      <ParentOfDialpad initial="+1" changes={changes}>
        <CallButton phoneNumber="+442071838750" />
      </ParentOfDialpad>,
      { client: createTestClient({ deferredDial: true }) },
    )
    expect(textbox()).toHaveValue('+1')
    await user.type(textbox(), '4x1')
    expect(changes).toEqual(['+14', '+141'])
    expect(screen.getByLabelText('Parent value')).toHaveTextContent('+141')
    await user.click(screen.getByRole('button', { name: 'Call +442071838750' }))
    await waitFor(() => expect(textbox()).toHaveValue('+442071838750'))
    expect(changes.at(-1)).toBe('+442071838750')
  })

  it('keeps a controlled value the parent does not change', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    renderWithCalls(<Dialpad value="555" onValueChange={onValueChange} />)
    await user.type(textbox(), '1')
    expect(onValueChange).toHaveBeenCalledWith('5551')
    expect(textbox()).toHaveValue('555')
  })

  it('works uncontrolled from defaultValue', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    renderWithCalls(<Dialpad defaultValue="+1 (416)" onValueChange={onValueChange} />)
    expect(textbox()).toHaveValue('+1416')
    await user.click(key('5 JKL'))
    expect(textbox()).toHaveValue('+14165')
    expect(onValueChange).toHaveBeenLastCalledWith('+14165')
  })

  it('is usable with the keyboard alone: Tab to the keys, Enter and Space press them, digit keys type', async () => {
    const user = userEvent.setup()
    const { client } = renderWithCalls(<Dialpad />)
    await user.tab()
    expect(textbox()).toHaveFocus()
    await user.tab()
    expect(key('Delete')).toHaveFocus()
    await user.tab()
    expect(key('1')).toHaveFocus()
    await user.keyboard('{Enter}')
    await user.tab()
    expect(key('2 ABC')).toHaveFocus()
    await user.keyboard(' ')
    expect(textbox()).toHaveValue('12')
    await user.keyboard('3')
    expect(textbox()).toHaveValue('123')
    await user.keyboard('{Backspace}')
    expect(textbox()).toHaveValue('12')
    // Tab on to Call and press it.
    for (let i = 0; i < 11; i += 1) await user.tab()
    expect(key('Call')).toHaveFocus()
    await user.keyboard(' ')
    await waitFor(() =>
      expect((client as ReturnType<typeof createTestClient>).control.requests).toHaveLength(1),
    )
  })

  it('shows and announces a failed start', async () => {
    const user = userEvent.setup()
    const client = createTestClient()
    client.control.failNextStart('unauthorized', 'Sign in again to place calls.')
    renderWithCalls(<Dialpad />, { client })
    await user.type(textbox(), '+14165550199{Enter}')
    expect(await screen.findByRole('alert')).toHaveTextContent('Sign in again to place calls.')
    expect(key('Call')).toHaveAccessibleDescription('Sign in again to place calls.')
    await user.type(textbox(), '1')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('can be unmounted during a long press and a call without errors or warnings', async () => {
    const user = userEvent.setup()
    const errors = vi.spyOn(console, 'error')
    const warnings = vi.spyOn(console, 'warn')
    const { unmount } = renderWithCalls(<Dialpad longPressMs={20} />)
    await user.type(textbox(), '+14165550199{Enter}')
    fireEvent.pointerDown(key('0 +'), { button: 0 })
    unmount()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(errors).not.toHaveBeenCalled()
    expect(warnings).not.toHaveBeenCalled()
  })

  describe('a call a person can trust', () => {
    it('locks Call from the start of the call it placed until that call ends: Enter twice never dials twice', async () => {
      const user = userEvent.setup()
      const client = createTestClient({ delays: { start: 50, ringing: 60_000 } })
      renderWithCalls(<Dialpad />, { client })
      await user.type(textbox(), '+14165550199{Enter}{Enter}')
      await waitFor(() => expect(client.control.calls()[0]?.status).toBe('dialing'))
      await user.type(textbox(), '{Enter}{Enter}')
      await user.click(key('Call'))
      expect(key('Call')).toHaveAttribute('aria-disabled', 'true')
      // A different number typed while this call rings does not dial either.
      await user.clear(textbox())
      await user.type(textbox(), '+14165550123{Enter}')
      await user.click(key('Call'))
      expect(client.control.requests).toHaveLength(1)
      act(() => client.control.end('sim-1', 'canceled'))
      await waitFor(() => expect(key('Call')).not.toHaveAttribute('aria-disabled'))
      await user.click(key('Call'))
      await waitFor(() => expect(client.control.requests).toHaveLength(2))
    })

    it('moves focus from Call to the first key when the call connects, never to <body>', async () => {
      const user = userEvent.setup()
      const client = createTestClient({ delays: { ringing: 60_000 } })
      renderWithCalls(<Dialpad />, { client })
      await user.type(textbox(), '+14165550199')
      await user.click(key('Call'))
      await waitFor(() => expect(client.control.calls()[0]?.status).toBe('dialing'))
      // The button reads "Call" again once the start has settled; focus stays on it throughout.
      await waitFor(() => expect(key('Call')).toHaveFocus())
      act(() => client.control.advance('sim-1'))
      act(() => client.control.advance('sim-1'))
      await screen.findByRole('group', { name: 'Keypad: tones go to the call' })
      expect(document.activeElement).not.toBe(document.body)
      expect(key('1')).toHaveFocus()
    })

    it('says the keys are off while the call is on hold', async () => {
      const user = userEvent.setup()
      const client = createTestClient({ delays: { answer: 60_000 } })
      renderWithCalls(<Dialpad />, { client })
      await connectCall(user, client)
      await screen.findByText('Press keys to send tones.')
      await act(() => client.hold('sim-1'))
      expect(await screen.findByText('On hold: keys are off.')).toBeInTheDocument()
      expect(screen.queryByText('Press keys to send tones.')).not.toBeInTheDocument()
    })
  })
})

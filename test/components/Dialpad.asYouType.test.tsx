import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import metadata from 'libphonenumber-js/min/metadata'
import { CallButton } from '../../src/components/CallButton.js'
import { Dialpad } from '../../src/components/Dialpad.js'
import { createAsYouTypeFormatter, createPhoneNumberParser } from '../../src/phone/index.js'
import { ParentOfDialpad } from './ParentOfDialpad.js'
import { createTestClient, renderWithCalls, type ProviderOptions } from './renderWithCalls.js'

const textbox = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Phone number' })
const provider: ProviderOptions = {
  defaultRegion: 'CA',
  phoneNumbers: createPhoneNumberParser(metadata),
  asYouType: createAsYouTypeFormatter(metadata),
}

describe('Dialpad with as-you-type formatting (CallProvider asYouType)', () => {
  it('formats a number as it is typed and dials the digits shown, in E.164', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    const { client } = renderWithCalls(<Dialpad onValueChange={onValueChange} />, {
      client: createTestClient({ delays: { answer: 10_000 } }),
      provider,
    })
    await user.type(textbox(), '416')
    expect(textbox()).toHaveValue('(416)')
    await user.type(textbox(), '5550199')
    expect(textbox()).toHaveValue('(416) 555-0199')
    expect(textbox().selectionStart).toBe('(416) 555-0199'.length)
    // The app hears the dialable digits, never the formatting.
    expect(onValueChange).toHaveBeenLastCalledWith('4165550199')
    await user.keyboard('{Enter}')
    const sim = client as ReturnType<typeof createTestClient>
    await waitFor(() => expect(sim.control.requests).toHaveLength(1))
    expect(sim.control.requests[0]?.phoneNumber).toBe('+14165550199')
  })

  it('formats a deferred dial’s prefill the way the CallButton shows it', async () => {
    const user = userEvent.setup()
    renderWithCalls(
      <>
        <CallButton phoneNumber="+14165550199" variant="link" />
        <Dialpad />
      </>,
      { client: createTestClient({ deferredDial: true }), provider },
    )
    // The link variant shows the number itself: the pad shows the same text.
    await user.click(screen.getByRole('button', { name: 'Call +1 416 555 0199' }))
    await waitFor(() => expect(textbox()).toHaveValue('+1 416 555 0199'))
  })

  it('keeps the caret after the digit typed in the middle of the number', async () => {
    const user = userEvent.setup()
    renderWithCalls(<Dialpad />, { provider })
    await user.type(textbox(), '416550199')
    expect(textbox()).toHaveValue('(416) 550-199')
    // After "(416) 5": the new 5 lands there, and the caret stays right after it although the
    // hyphen moved.
    await user.type(textbox(), '5', { initialSelectionStart: 7, initialSelectionEnd: 7 })
    expect(textbox()).toHaveValue('(416) 555-0199')
    expect(textbox().selectionStart).toBe('(416) 55'.length)
    // Backspace there takes that 5 away again, and the caret stays where it was typed.
    await user.keyboard('{Backspace}')
    expect(textbox()).toHaveValue('(416) 550-199')
    expect(textbox().selectionStart).toBe('(416) 5'.length)
  })

  it('deletes the digit beyond a space or parenthesis of the formatting, with Backspace and Delete', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    renderWithCalls(<Dialpad onValueChange={onValueChange} />, { provider })
    await user.type(textbox(), '4165550199')
    // Backspace with the caret after "(416) ": the space goes, and with it the 6.
    await user.type(textbox(), '{Backspace}', { initialSelectionStart: 6, initialSelectionEnd: 6 })
    expect(onValueChange).toHaveBeenLastCalledWith('415550199')
    expect(textbox()).toHaveValue('(415) 550-199')
    expect(textbox().selectionStart).toBe('(41'.length)
    // Delete with the caret before ")": the parenthesis goes, and with it the 5 beyond it.
    await user.type(textbox(), '{Delete}', { initialSelectionStart: 4, initialSelectionEnd: 4 })
    expect(onValueChange).toHaveBeenLastCalledWith('41550199')
    expect(textbox()).toHaveValue('(415) 501-99')
    expect(textbox().selectionStart).toBe('(415'.length)
  })

  it('still reads a paste by the paste rules, formats it, and pastes at the caret', async () => {
    const user = userEvent.setup()
    renderWithCalls(<Dialpad />, { provider })
    await user.click(textbox())
    await user.paste('tel:+1-416-555-0199;ext=123')
    expect(textbox()).toHaveValue('+1 416 555 0199')
    expect(textbox()).toHaveAccessibleDescription(
      'Extension 123 is sent as tones once the call connects.',
    )
    await user.clear(textbox())
    await user.paste('1-800-FLOWERS')
    expect(textbox()).toHaveValue('1 (800) 356-9377')
    await user.clear(textbox())
    await user.paste('\u202b+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧\u202c')
    expect(textbox()).toHaveValue('+966 50 123 4567')
    await user.clear(textbox())
    await user.type(textbox(), '4160199')
    expect(textbox()).toHaveValue('(416) 019-9')
    // The caret after "(416) " is after the third digit: the paste goes there.
    textbox().setSelectionRange(6, 6)
    await user.paste('555')
    expect(textbox()).toHaveValue('(416) 555-0199')
    expect(textbox().selectionStart).toBe('(416) 555'.length)
    await user.paste('ada@example.com')
    expect(textbox()).toHaveValue('(416) 555-0199')
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Not pasted: “a” is not part of a phone number. Use digits, + and the country code.',
    )
  })

  it('works controlled: shows the parent’s digits formatted and reports digits', async () => {
    const user = userEvent.setup()
    const changes: string[] = []
    renderWithCalls(<ParentOfDialpad initial="416" changes={changes} />, { provider })
    expect(textbox()).toHaveValue('(416)')
    await user.type(textbox(), '5x5')
    expect(changes).toEqual(['4165', '41655'])
    expect(screen.getByLabelText('Parent value')).toHaveTextContent('41655')
    expect(textbox()).toHaveValue('(416) 55')
  })

  it('shows a number its formatter cannot keep whole as typed', async () => {
    const user = userEvent.setup()
    renderWithCalls(<Dialpad defaultValue="*67" />, { provider })
    // The formatter would drop the star: the number is shown as it is dialed instead.
    expect(textbox()).toHaveValue('*67')
    await user.type(textbox(), '#')
    expect(textbox()).toHaveValue('*67#')
  })

  it('shows the number as typed without asYouType, even with phone metadata', async () => {
    const user = userEvent.setup()
    renderWithCalls(<Dialpad />, { provider: { ...provider, asYouType: undefined } })
    await user.type(textbox(), '4165550199')
    expect(textbox()).toHaveValue('4165550199')
  })
})

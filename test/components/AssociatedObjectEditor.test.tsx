import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { AssociatedObjectEditor } from '../../src/components/AssociatedObjectEditor.js'
import { CallButton } from '../../src/components/CallButton.js'
import type { InteractionAssociatedObject } from '../../src/core/types.js'
import { ada, createTestClient, renderWithCalls } from './renderWithCalls.js'

const field = (name: string) => screen.getByRole('textbox', { name })
const jsonBox = () => screen.getByRole('textbox', { name: 'Associated object as JSON' })
const modeButton = (name: 'Form' | 'JSON') => screen.getByRole('button', { name })

/** Types into a textbox without user-event's special characters ({ and [). */
async function typeText(
  user: ReturnType<typeof userEvent.setup>,
  element: HTMLElement,
  text: string,
) {
  await user.click(element)
  await user.paste(text)
}

describe('AssociatedObjectEditor', () => {
  it('shows every field of the object, labelled, and a row per custom field', () => {
    renderWithCalls(<AssociatedObjectEditor defaultValue={ada} />)
    expect(screen.getByRole('group', { name: 'Associated object' })).toHaveAttribute(
      'data-mode',
      'form',
    )
    expect(field('ID')).toHaveValue('c-1')
    expect(field('Type')).toHaveValue('contact')
    expect(field('Display name')).toHaveValue('Ada Lovelace')
    expect(field('Display type')).toHaveValue('Contact')
    expect(field('Field 1 name')).toHaveValue('crmUrl')
    expect(field('Field 1 value')).toHaveValue('https://crm.example/contacts/1')
    expect(modeButton('Form')).toHaveAttribute('aria-pressed', 'true')
  })

  it('reports exactly an InteractionAssociatedObject as it is edited (uncontrolled)', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    renderWithCalls(<AssociatedObjectEditor defaultValue={ada} onValueChange={onValueChange} />)
    await user.clear(field('Display name'))
    await user.type(field('Display name'), 'Ada King')
    expect(field('Display name')).toHaveValue('Ada King')
    expect(onValueChange).toHaveBeenLastCalledWith(
      { ...ada, displayName: 'Ada King' },
      { valid: true, errors: {} },
    )
    const [value] = onValueChange.mock.lastCall as [InteractionAssociatedObject]
    expect(Object.keys(value).sort()).toEqual([
      'customFields',
      'displayName',
      'displayType',
      'id',
      'type',
    ])
  })

  it('adds and removes custom fields; values are strings', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    renderWithCalls(<AssociatedObjectEditor defaultValue={ada} onValueChange={onValueChange} />)
    await user.click(screen.getByRole('button', { name: 'Add field' }))
    expect(field('Field 2 name')).toHaveFocus()
    await user.keyboard('caseNumber')
    await user.type(field('Field 2 value'), '00042')
    expect(onValueChange).toHaveBeenLastCalledWith(
      { ...ada, customFields: { crmUrl: 'https://crm.example/contacts/1', caseNumber: '00042' } },
      { valid: true, errors: {} },
    )
    await user.click(screen.getByRole('button', { name: 'Remove field crmUrl' }))
    expect(onValueChange).toHaveBeenLastCalledWith(
      { ...ada, customFields: { caseNumber: '00042' } },
      { valid: true, errors: {} },
    )
    expect(field('Field 1 name')).toHaveFocus()
    await user.click(screen.getByRole('button', { name: 'Remove field caseNumber' }))
    expect(screen.getByText('No custom fields.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Add field' })).toHaveFocus()
  })

  it('asks for a name for a custom field, and for unique names', async () => {
    const user = userEvent.setup()
    renderWithCalls(<AssociatedObjectEditor defaultValue={ada} />)
    await user.click(screen.getByRole('button', { name: 'Add field' }))
    await user.type(field('Field 2 value'), 'x')
    expect(field('Field 2 name')).toHaveAccessibleDescription('Give this field a name.')
    await user.type(field('Field 2 name'), 'crmUrl')
    expect(field('Field 2 name')).toHaveAccessibleDescription(
      '“crmUrl” is already used by another field.',
    )
    expect(field('Field 2 name')).toHaveAttribute('aria-invalid', 'true')
  })

  it('shows a required field error once the field was left empty', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    renderWithCalls(<AssociatedObjectEditor onValueChange={onValueChange} />)
    // Nothing shouts at an empty form before it is touched.
    expect(field('ID')).not.toHaveAttribute('aria-invalid')
    await user.click(field('ID'))
    await user.tab()
    expect(field('ID')).toHaveAttribute('aria-invalid', 'true')
    expect(field('ID')).toHaveAccessibleDescription('ID is required.')
    await user.type(field('ID'), '7')
    expect(field('ID')).not.toHaveAttribute('aria-invalid')
    expect(onValueChange).toHaveBeenLastCalledWith(
      { id: '7', type: '', displayName: '', displayType: '', customFields: {} },
      expect.objectContaining({
        valid: false,
        errors: expect.objectContaining({ type: 'Type is required.' }),
      }),
    )
  })

  it('shows the errors of a given incomplete value at once', () => {
    renderWithCalls(<AssociatedObjectEditor defaultValue={{ ...ada, displayName: '' }} />)
    expect(field('Display name')).toHaveAccessibleDescription('Display name is required.')
    expect(screen.getByRole('group', { name: 'Associated object' })).toHaveAttribute('data-invalid')
  })

  it('edits as JSON, keeping the data across modes both ways', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    renderWithCalls(<AssociatedObjectEditor defaultValue={ada} onValueChange={onValueChange} />)
    await user.click(modeButton('JSON'))
    expect(modeButton('JSON')).toHaveAttribute('aria-pressed', 'true')
    expect(JSON.parse((jsonBox() as HTMLTextAreaElement).value)).toEqual(ada)
    const edited = {
      ...ada,
      displayName: 'Countess of Lovelace',
      customFields: { crmUrl: 'u', tier: 'gold' },
    }
    await user.clear(jsonBox())
    await typeText(user, jsonBox(), JSON.stringify(edited))
    expect(onValueChange).toHaveBeenLastCalledWith(edited, { valid: true, errors: {} })
    await user.click(modeButton('Form'))
    expect(field('Display name')).toHaveValue('Countess of Lovelace')
    expect(field('Field 2 name')).toHaveValue('tier')
    expect(field('Field 2 value')).toHaveValue('gold')
    await user.click(modeButton('JSON'))
    expect(JSON.parse((jsonBox() as HTMLTextAreaElement).value)).toEqual(edited)
  })

  it('on invalid JSON shows the invalid-JSON message, keeps the typed text and stays in JSON mode', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    renderWithCalls(
      <AssociatedObjectEditor
        defaultValue={ada}
        defaultMode="json"
        onValueChange={onValueChange}
      />,
    )
    await user.clear(jsonBox())
    await typeText(user, jsonBox(), '{"id": "c-1", "type": ')
    const message = 'You have syntax error in the associated object structure. Cannot parse JSON.'
    expect(screen.getByText(message)).toBeInTheDocument()
    expect(jsonBox()).toHaveAccessibleDescription(message)
    expect(jsonBox()).toHaveAttribute('aria-invalid', 'true')
    expect(jsonBox()).toHaveValue('{"id": "c-1", "type": ')
    expect(onValueChange).not.toHaveBeenCalled()
    await user.click(modeButton('Form'))
    expect(jsonBox()).toHaveValue('{"id": "c-1", "type": ')
    expect(jsonBox()).toHaveFocus()
    expect(modeButton('JSON')).toHaveAttribute('aria-pressed', 'true')
  })

  it('gives field-level errors for missing fields and values that are not text', async () => {
    const user = userEvent.setup()
    renderWithCalls(<AssociatedObjectEditor defaultMode="json" />)
    await user.clear(jsonBox())
    await typeText(
      user,
      jsonBox(),
      JSON.stringify({
        id: 42,
        type: 'contact',
        displayType: 'Contact',
        customFields: { age: 36, city: 'London' },
        extra: true,
      }),
    )
    expect(screen.getByText('id must be text.')).toBeInTheDocument()
    expect(screen.getByText('Display name is required.')).toBeInTheDocument()
    expect(screen.getByText('customFields.age must be text.')).toBeInTheDocument()
    expect(screen.getByText('“extra” is not a field of an associated object.')).toBeInTheDocument()
    // To the form: values become text and the missing field shows as required.
    await user.click(modeButton('Form'))
    expect(field('ID')).toHaveValue('42')
    expect(field('Display name')).toHaveAccessibleDescription('Display name is required.')
    expect(field('Field 1 value')).toHaveValue('36')
  })

  it('works controlled, showing each new value from outside', async () => {
    const user = userEvent.setup()
    function Controlled() {
      const [value, setValue] = useState<InteractionAssociatedObject>(ada)
      return (
        <>
          <AssociatedObjectEditor value={value} onValueChange={(next) => setValue(next)} />
          <output aria-label="Parent">{value.displayName}</output>
          <button
            type="button"
            onClick={() => setValue({ ...ada, id: 'c-2', displayName: 'Grace Hopper' })}
          >
            Load Grace
          </button>
        </>
      )
    }
    renderWithCalls(<Controlled />)
    await user.type(field('Display name'), '!')
    expect(screen.getByLabelText('Parent')).toHaveTextContent('Ada Lovelace!')
    await user.click(screen.getByRole('button', { name: 'Load Grace' }))
    await waitFor(() => expect(field('Display name')).toHaveValue('Grace Hopper'))
    expect(field('ID')).toHaveValue('c-2')
  })

  it('hands its value straight to CallButton', async () => {
    const user = userEvent.setup()
    const client = createTestClient()
    function Page() {
      const [value, setValue] = useState<InteractionAssociatedObject>(ada)
      return (
        <>
          <AssociatedObjectEditor value={value} onValueChange={(next) => setValue(next)} />
          <CallButton phoneNumber="+14165550199" associatedObject={value} />
        </>
      )
    }
    renderWithCalls(<Page />, { client })
    await user.type(field('Display type'), ' (VIP)')
    await user.click(screen.getByRole('button', { name: 'Call Ada Lovelace' }))
    await waitFor(() => expect(client.control.requests).toHaveLength(1))
    expect(client.control.requests[0]?.initialObject).toEqual({
      ...ada,
      displayType: 'Contact (VIP)',
    })
  })

  it('is usable with the keyboard alone', async () => {
    const user = userEvent.setup()
    renderWithCalls(<AssociatedObjectEditor defaultValue={ada} />)
    await user.tab()
    expect(modeButton('Form')).toHaveFocus()
    await user.tab()
    expect(modeButton('JSON')).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(modeButton('JSON')).toHaveFocus()
    await user.tab()
    expect(jsonBox()).toHaveFocus()
    await user.tab({ shift: true })
    await user.tab({ shift: true })
    expect(modeButton('Form')).toHaveFocus()
    await user.keyboard(' ')
    await user.tab({ shift: false })
    await user.tab()
    expect(field('ID')).toHaveFocus()
    await user.keyboard('{Control>}a{/Control}c-9')
    expect(field('ID')).toHaveValue('c-9')
  })

  it('throws a clear error outside CallProvider', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<AssociatedObjectEditor />)).toThrow(
      '`AssociatedObjectEditor` must be used within `CallProvider`.',
    )
    spy.mockRestore()
  })
})

import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { AssociatedObjectEditor } from '../../src/components/AssociatedObjectEditor.js'
import { CallButton } from '../../src/components/CallButton.js'
import type { InteractionAssociatedObject } from '../../src/core/types.js'
import { validateAssociatedObject } from '../../src/core/validateAssociatedObject.js'
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

  describe('with the mode controlled by the app', () => {
    const Editor = ({ mode }: { mode: 'form' | 'json' }) => (
      <AssociatedObjectEditor defaultValue={ada} mode={mode} />
    )

    it('shows what was typed in the form when the app switches to JSON', async () => {
      const user = userEvent.setup()
      const { rerender } = renderWithCalls(<Editor mode="form" />)
      await user.clear(field('ID'))
      await user.type(field('ID'), 'c-99')
      rerender(<Editor mode="json" />)
      expect(JSON.parse((jsonBox() as HTMLTextAreaElement).value)).toEqual({ ...ada, id: 'c-99' })
    })

    it('keeps JSON that the form cannot take when the app switches to the form and back', async () => {
      const user = userEvent.setup()
      const { rerender } = renderWithCalls(<Editor mode="json" />)
      await user.clear(jsonBox())
      await typeText(user, jsonBox(), '{"id": "c-1", "type": ')
      rerender(<Editor mode="form" />)
      expect(field('ID')).toHaveValue('c-1')
      rerender(<Editor mode="json" />)
      expect(jsonBox()).toHaveValue('{"id": "c-1", "type": ')
    })
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
    // The form has no place for "extra": switching would drop it, so the editor stays in JSON.
    await user.click(modeButton('Form'))
    expect(modeButton('JSON')).toHaveAttribute('aria-pressed', 'true')
    expect(jsonBox()).toHaveFocus()
    expect(jsonBox()).toHaveAccessibleDescription(
      expect.stringContaining('“extra” is not a field of an associated object.'),
    )
    await user.clear(jsonBox())
    await typeText(
      user,
      jsonBox(),
      JSON.stringify({
        id: 42,
        type: 'contact',
        displayType: 'Contact',
        customFields: { age: 36, city: 'London' },
      }),
    )
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

describe('AssociatedObjectEditor never loses what a person typed', () => {
  /** Each custom field row as [name, value], in order, as the form shows them. */
  const rows = () =>
    screen
      .queryAllByRole('textbox', { name: /^Field \d+ name$/ })
      .map((name, index) => [
        (name as HTMLInputElement).value,
        (field(`Field ${index + 1} value`) as HTMLInputElement).value,
      ])

  async function addRow(user: ReturnType<typeof userEvent.setup>, name: string, value: string) {
    await user.click(screen.getByRole('button', { name: 'Add field' }))
    const row = rows().length
    if (name) await typeText(user, field(`Field ${row} name`), name)
    if (value) await typeText(user, field(`Field ${row} value`), value)
  }

  it('Form → JSON → Form keeps every row exactly: unnamed, repeated and blank ones too', async () => {
    const user = userEvent.setup()
    renderWithCalls(<AssociatedObjectEditor defaultValue={ada} />)
    await addRow(user, '', 'no name yet')
    await addRow(user, 'crmUrl', 'https://crm.example/contacts/2')
    await addRow(user, '', '')
    await addRow(user, '  tier ', 'gold')
    const typed = [
      ['crmUrl', 'https://crm.example/contacts/1'],
      ['', 'no name yet'],
      ['crmUrl', 'https://crm.example/contacts/2'],
      ['', ''],
      ['  tier ', 'gold'],
    ]
    expect(rows()).toEqual(typed)

    await user.click(modeButton('JSON'))
    const text = (jsonBox() as HTMLTextAreaElement).value
    expect(text).toContain('"": "no name yet"')
    expect(text).toContain('"crmUrl": "https://crm.example/contacts/1"')
    expect(text).toContain('"crmUrl": "https://crm.example/contacts/2"')
    expect(text).toContain('"  tier ": "gold"')
    // The text still names what is wrong, as the form did.
    expect(screen.getByText('Give this field a name.')).toBeInTheDocument()
    expect(screen.getByText('“crmUrl” is already used by another field.')).toBeInTheDocument()

    await user.click(modeButton('Form'))
    expect(modeButton('Form')).toHaveAttribute('aria-pressed', 'true')
    expect(rows()).toEqual(typed)
    expect(field('Field 2 name')).toHaveAccessibleDescription('Give this field a name.')
    expect(field('Field 3 name')).toHaveAccessibleDescription(
      '“crmUrl” is already used by another field.',
    )
  })

  it('a name typed twice in JSON becomes two rows in the form', async () => {
    const user = userEvent.setup()
    renderWithCalls(<AssociatedObjectEditor defaultValue={ada} defaultMode="json" />)
    await user.clear(jsonBox())
    await typeText(
      user,
      jsonBox(),
      '{"id": "c-1", "type": "contact", "displayName": "Ada Lovelace", "displayType": "Contact",' +
        ' "customFields": {"phone": "home", "phone": "work", "": "unnamed",' +
        ' "say \\"}\\"": {"nested": "]"}}}',
    )
    await user.click(modeButton('Form'))
    expect(rows()).toEqual([
      ['phone', 'home'],
      ['phone', 'work'],
      ['', 'unnamed'],
      ['say "}"', '{"nested":"]"}'],
    ])
  })

  it('refuses to leave JSON when a field is given twice: the form could keep only one', async () => {
    const user = userEvent.setup()
    renderWithCalls(<AssociatedObjectEditor defaultValue={ada} defaultMode="json" />)
    const text =
      '{"id": "c-1", "id": "c-2", "type": "contact", "displayName": "Ada Lovelace",' +
      ' "displayType": "Contact", "customFields": {}}'
    await user.clear(jsonBox())
    await typeText(user, jsonBox(), text)
    expect(screen.getByText('“id” is already used by another field.')).toBeInTheDocument()
    await user.click(modeButton('Form'))
    expect(modeButton('JSON')).toHaveAttribute('aria-pressed', 'true')
    expect(jsonBox()).toHaveFocus()
    expect(jsonBox()).toHaveValue(text)
  })

  const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty']

  it('names such as constructor and __proto__ are ordinary names: they reach onValueChange, the JSON and the call', async () => {
    const user = userEvent.setup()
    const client = createTestClient()
    const onValueChange = vi.fn()
    function Page() {
      const [value, setValue] = useState<InteractionAssociatedObject>(ada)
      return (
        <>
          <AssociatedObjectEditor
            value={value}
            onValueChange={(next, validation) => {
              onValueChange(next, validation)
              setValue(next)
            }}
          />
          <CallButton phoneNumber="+14165550199" associatedObject={value} />
        </>
      )
    }
    renderWithCalls(<Page />, { client })
    for (const [index, name] of PROTOTYPE_NAMES.entries()) await addRow(user, name, `v${index}`)

    const [reported, validation] = onValueChange.mock.lastCall as [
      InteractionAssociatedObject,
      { valid: boolean },
    ]
    expect(validation.valid).toBe(true)
    expect(Object.getPrototypeOf(reported.customFields)).toBe(Object.prototype)
    expect(Object.entries(reported.customFields)).toEqual([
      ['crmUrl', ada.customFields.crmUrl],
      ['constructor', 'v0'],
      ['toString', 'v1'],
      ['__proto__', 'v2'],
      ['hasOwnProperty', 'v3'],
    ])

    await user.click(screen.getByRole('button', { name: 'Call Ada Lovelace' }))
    await waitFor(() => expect(client.control.requests).toHaveLength(1))
    const sent = client.control.requests[0]!.initialObject!.customFields
    expect(Object.getPrototypeOf(sent)).toBe(Object.prototype)
    expect(Object.entries(sent)).toEqual(Object.entries(reported.customFields))

    await user.click(modeButton('JSON'))
    const json = JSON.parse((jsonBox() as HTMLTextAreaElement).value) as InteractionAssociatedObject
    expect(Object.entries(json.customFields)).toEqual(Object.entries(reported.customFields))
    await user.click(modeButton('Form'))
    expect(rows().map(([name]) => name)).toEqual(['crmUrl', ...PROTOTYPE_NAMES])
  })

  it('reads constructor and __proto__ typed in JSON as ordinary names', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    renderWithCalls(
      <AssociatedObjectEditor
        defaultValue={ada}
        defaultMode="json"
        onValueChange={onValueChange}
      />,
    )
    const customFields = '{"__proto__": "p", "constructor": "c", "toString": "t"}'
    await user.clear(jsonBox())
    await typeText(
      user,
      jsonBox(),
      `{"id": "c-1", "type": "contact", "displayName": "Ada", "displayType": "Contact", "customFields": ${customFields}}`,
    )
    const [reported] = onValueChange.mock.lastCall as [InteractionAssociatedObject]
    expect(Object.getPrototypeOf(reported.customFields)).toBe(Object.prototype)
    expect(Object.entries(reported.customFields)).toEqual([
      ['__proto__', 'p'],
      ['constructor', 'c'],
      ['toString', 't'],
    ])
    await user.click(modeButton('Form'))
    expect(rows()).toEqual([
      ['__proto__', 'p'],
      ['constructor', 'c'],
      ['toString', 't'],
    ])
  })

  it('text inputs take the direction of what is typed; the JSON reads left to right', async () => {
    const user = userEvent.setup()
    renderWithCalls(<AssociatedObjectEditor defaultValue={ada} />)
    for (const name of [
      'ID',
      'Type',
      'Display name',
      'Display type',
      'Field 1 name',
      'Field 1 value',
    ])
      expect(field(name)).toHaveAttribute('dir', 'auto')
    await user.click(modeButton('JSON'))
    expect(jsonBox()).toHaveAttribute('dir', 'ltr')
  })

  it('names a field in full in its messages', async () => {
    const user = userEvent.setup()
    const long = `account${'-segment'.repeat(8)}`
    renderWithCalls(
      <AssociatedObjectEditor defaultValue={{ ...ada, customFields: { [long]: 'a' } }} />,
    )
    await addRow(user, long, 'b')
    expect(field('Field 2 name')).toHaveAccessibleDescription(
      `“${long}” is already used by another field.`,
    )
  })

  it('refuses in JSON exactly what a call start refuses, field by field', () => {
    const texts = [
      { ...ada },
      { ...ada, id: 7 },
      { ...ada, displayName: '' },
      { ...ada, displayType: null },
      { ...ada, customFields: { crmUrl: 1, note: 'ok' } },
      { ...ada, customFields: ['https://crm.example'] },
      { ...ada, customFields: 'none' },
      { id: 'c-1', type: 'contact', displayName: 'Ada', displayType: 'Contact' },
    ]
    for (const value of texts) {
      const text = JSON.stringify(value)
      const { unmount } = renderWithCalls(
        <AssociatedObjectEditor defaultValue={ada} defaultMode="json" />,
      )
      fireEvent.change(jsonBox(), { target: { value: text } })
      const checked = validateAssociatedObject(value)
      const marked = [...document.querySelectorAll('[data-path]')].map((item) =>
        item.getAttribute('data-path'),
      )
      expect(marked.sort(), text).toEqual(checked.ok ? [] : Object.keys(checked.problems).sort())
      unmount()
    }
  })
})

import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import type { InteractionAssociatedObject } from '../../src/core/index.js'
import {
  AssociatedObjectEditor,
  CallButton,
  type AssociatedObjectEditorProps,
} from '../../src/index.js'
import {
  ada,
  loadClient,
  storyClient,
  withCalls,
  type CallsParameters,
} from '../support/storyKit.js'
import { ar } from '../../src/locales/ar.js'

const calls = (parameters: CallsParameters) => ({ calls: { width: 620, ...parameters } })

const meta = {
  title: 'Components/AssociatedObjectEditor',
  component: AssociatedObjectEditor,
  loaders: [loadClient],
  decorators: [withCalls],
  args: { onValueChange: fn(), onModeChange: fn() },
  parameters: {
    calls: { width: 620 },
    docs: {
      description: {
        component: [
          "Edits exactly an `InteractionAssociatedObject` — `id`, `type`, `displayName`, `displayType` and `customFields` as name/value rows — or the whole object as JSON. Invalid JSON shows the Bright Pattern SDK's own message and keeps the typed text; switching modes keeps the data; missing fields and values that are not text get field-level errors.",
          '',
          'Its value can be handed straight to `CallButton` or `useStartCall`. Controlled (`value` + `onValueChange`) or not (`defaultValue`). Selectors: `.rcc-AssociatedObjectEditor[data-mode="form|json"]`, `[data-invalid]`, `.rcc-AssociatedObjectEditor-field[data-field]`, `.rcc-AssociatedObjectEditor-row`.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof AssociatedObjectEditor>

export default meta
type Story = StoryObj<typeof meta>

/** A record to fill in. */
export const Empty: Story = {}

/** A contact with custom fields. */
export const Filled: Story = {
  args: { defaultValue: ada },
}

/** Add and remove custom fields; the value reported is always exactly an associated object. */
export const EditingCustomFields: Story = {
  args: { defaultValue: ada },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Add field' }))
    await userEvent.keyboard('caseNumber')
    await userEvent.type(canvas.getByRole('textbox', { name: 'Field 3 value' }), '00042')
    await userEvent.click(canvas.getByRole('button', { name: 'Remove field crmUrl' }))
    await expect(args.onValueChange).toHaveBeenLastCalledWith(
      { ...ada, customFields: { account: ada.customFields.account, caseNumber: '00042' } },
      { valid: true, errors: {} },
    )
  },
}

/** Required fields left empty, a custom field without a name, a name used twice. */
export const FieldErrors: Story = {
  args: {
    defaultValue: {
      ...ada,
      id: '',
      displayName: '',
      customFields: { crmUrl: 'https://crm.example.com/c/1' },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('textbox', { name: 'Display name' })).toHaveAccessibleDescription(
      'Display name is required.',
    )
    await userEvent.click(canvas.getByRole('button', { name: 'Add field' }))
    await userEvent.keyboard('crmUrl')
    await expect(canvas.getByRole('textbox', { name: 'Field 2 name' })).toHaveAccessibleDescription(
      '“crmUrl” is already used by another field.',
    )
  },
}

/** The object as JSON. */
export const JsonMode: Story = {
  args: { defaultValue: ada, defaultMode: 'json' },
}

/** Invalid JSON: the SDK's own message, the typed text kept, and no switching away until it parses. */
export const InvalidJson: Story = {
  args: { defaultValue: ada, defaultMode: 'json' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const json = canvas.getByRole('textbox', { name: 'Associated object as JSON' })
    await userEvent.clear(json)
    await userEvent.click(json)
    await userEvent.paste('{"id": "003A000001", "type": "contact",')
    await expect(
      canvas.getByText(
        'You have syntax error in the associated object structure. Cannot parse JSON.',
      ),
    ).toBeInTheDocument()
    await userEvent.click(canvas.getByRole('button', { name: 'Form' }))
    await expect(json).toHaveValue('{"id": "003A000001", "type": "contact",')
    await expect(json).toHaveFocus()
    await expect(args.onValueChange).not.toHaveBeenCalled()
  },
}

/** JSON that parses but is not an associated object: field-level errors. */
export const JsonFieldErrors: Story = {
  args: { defaultMode: 'json' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const json = canvas.getByRole('textbox', { name: 'Associated object as JSON' })
    await userEvent.clear(json)
    await userEvent.click(json)
    await userEvent.paste(
      JSON.stringify(
        { id: 1815, type: 'contact', displayType: 'Contact', customFields: { age: 36 } },
        null,
        2,
      ),
    )
    await expect(canvas.getByText('id must be text.')).toBeInTheDocument()
    await expect(canvas.getByText('Display name is required.')).toBeInTheDocument()
    await expect(canvas.getByText('customFields.age must be text.')).toBeInTheDocument()
  },
}

/** Switching modes keeps the data both ways. */
export const SwitchingModes: Story = {
  args: { defaultValue: ada },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'JSON' }))
    const json = canvas.getByRole('textbox', { name: 'Associated object as JSON' })
    await expect(JSON.parse((json as HTMLTextAreaElement).value)).toEqual(ada)
    await userEvent.clear(json)
    await userEvent.click(json)
    await userEvent.paste(JSON.stringify({ ...ada, displayName: 'Augusta Ada King' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Form' }))
    await expect(canvas.getByRole('textbox', { name: 'Display name' })).toHaveValue(
      'Augusta Ada King',
    )
  },
}

/**
 * Nothing typed is lost: a row without a name and a repeated name go to JSON as typed and come
 * back exactly, each with its message beside it.
 */
export const KeepsEveryRow: Story = {
  args: { defaultValue: ada },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const rowCount = Object.keys(ada.customFields).length
    await userEvent.click(canvas.getByRole('button', { name: 'Add field' }))
    await userEvent.type(
      canvas.getByRole('textbox', { name: `Field ${rowCount + 1} value` }),
      'no name yet',
    )
    await userEvent.click(canvas.getByRole('button', { name: 'Add field' }))
    await userEvent.keyboard('crmUrl')
    await userEvent.click(canvas.getByRole('button', { name: 'JSON' }))
    const json = canvas.getByRole('textbox', { name: 'Associated object as JSON' })
    await expect((json as HTMLTextAreaElement).value).toContain('"": "no name yet"')
    await userEvent.click(canvas.getByRole('button', { name: 'Form' }))
    await expect(
      canvas.getByRole('textbox', { name: `Field ${rowCount + 1} name` }),
    ).toHaveAccessibleDescription('Give this field a name.')
    await expect(
      canvas.getByRole('textbox', { name: `Field ${rowCount + 2} name` }),
    ).toHaveAccessibleDescription('“crmUrl” is already used by another field.')
  },
}

function EditorWithCallButton(props: AssociatedObjectEditorProps) {
  const [record, setRecord] = useState<InteractionAssociatedObject>(ada)
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <AssociatedObjectEditor
        {...props}
        value={record}
        onValueChange={(value, validation) => {
          setRecord(value)
          props.onValueChange?.(value, validation)
        }}
      />
      <div>
        <CallButton phoneNumber="+14165550199" associatedObject={record} />
      </div>
    </div>
  )
}

/** Controlled, and handed straight to a CallButton: the edited record travels with the call. */
export const ControlledWithCallButton: Story = {
  render: (args) => <EditorWithCallButton {...args} />,
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const name = canvas.getByRole('textbox', { name: 'Display name' })
    await userEvent.clear(name)
    await userEvent.type(name, 'Lady Lovelace')
    await userEvent.click(canvas.getByRole('button', { name: 'Call Lady Lovelace' }))
    await waitFor(() =>
      expect(storyClient(context).control.requests[0]?.initialObject).toEqual({
        ...ada,
        displayName: 'Lady Lovelace',
      }),
    )
  },
}

/** An app that locks the record (say, while it saves it) once its ID reads `c-99`. */
function LockingEditor(args: AssociatedObjectEditorProps) {
  const [id, setId] = useState(ada.id)
  return (
    <>
      <button type="button">Edit record</button>
      <AssociatedObjectEditor
        {...args}
        defaultValue={ada}
        onValueChange={(value, validation) => {
          args.onValueChange?.(value, validation)
          setId(value.id)
        }}
        disabled={id === 'c-99'}
      />
    </>
  )
}

/**
 * Disabled by the app while a keyboard user types: the browser would drop focus from the disabled
 * field to the page; it goes back to the control they came from.
 */
export const DisabledWhileEditing: Story = {
  render: (args) => <LockingEditor {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const from = canvas.getByRole('button', { name: 'Edit record' })
    await userEvent.click(from)
    await userEvent.tab() // Form
    await userEvent.tab() // JSON
    await userEvent.tab()
    const field = canvas.getByRole('textbox', { name: 'ID' })
    await expect(field).toHaveFocus()
    await userEvent.clear(field)
    await userEvent.keyboard('c-99')
    await expect(field).toBeDisabled()
    await waitFor(() => expect(from).toHaveFocus())
  },
}

/** Right to left, with the strings translated through `CallProvider` `messages`. */
export const RightToLeft: Story = {
  args: { defaultValue: ada },
  parameters: calls({ dir: 'rtl', lang: 'ar', messages: ar }),
}

/** Dark theme. */
export const Dark: Story = {
  args: { defaultValue: { ...ada, displayType: '' } },
  parameters: calls({ theme: 'dark' }),
}

import {
  forwardRef,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ReactNode,
} from 'react'
import type { InteractionAssociatedObject } from '../core/types.js'
import { useMessages } from '../react/useMessages.js'
import {
  draftErrors,
  draftJson,
  fromDraft,
  nextRowKey,
  parseJsonDraft,
  TEXT_FIELDS,
  toDraft,
  type AssociatedObjectDraft,
  type AssociatedObjectErrors,
  type AssociatedObjectValidation,
  type CustomFieldRow,
} from './associatedObjectDraft.js'
import { cx } from './composeHandlers.js'
import { AlertIcon, CloseIcon, PlusIcon } from './icons.js'
import { mergeRefs } from './mergeRefs.js'
import { useFocusRescue } from './useFocusRescue.js'

const hasErrors = (errors: AssociatedObjectErrors) => Object.keys(errors).length > 0

/** `form`: a field per property and a row per custom field. `json`: the object as JSON text. */
export type AssociatedObjectEditorMode = 'form' | 'json'

export interface AssociatedObjectEditorProps extends Omit<
  ComponentPropsWithoutRef<'fieldset'>,
  'children' | 'defaultValue' | 'onChange'
> {
  /**
   * The object, controlled. Pair with `onValueChange`. The editor shows a new `value` whenever it
   * differs from the last one it reported. Its errors show at once.
   */
  value?: InteractionAssociatedObject
  /** The object at mount, uncontrolled. Its errors show at once; without it, a field's error shows once it was left. */
  defaultValue?: InteractionAssociatedObject
  /**
   * Called with the edited object (exactly an `InteractionAssociatedObject`, ready for
   * `CallButton` or `useStartCall`) and whether it is complete. In JSON mode it is called only
   * while the text is a valid associated object.
   */
  onValueChange?: (
    value: InteractionAssociatedObject,
    validation: AssociatedObjectValidation,
  ) => void
  /**
   * The editing mode, controlled. Pair with `onModeChange`. What was typed goes with the switch:
   * the JSON shows the form's fields; the form shows the last JSON that parsed, and JSON it could
   * not take stays as typed for the way back (the editor's own Form button refuses that switch
   * instead). Switched while focus is in a field, focus goes to the new mode's first field (the
   * JSON text, or ID), never to the page.
   */
  mode?: AssociatedObjectEditorMode
  /** The editing mode at mount. Default `'form'`. */
  defaultMode?: AssociatedObjectEditorMode
  /**
   * Called when the person switches modes. Leaving JSON mode is refused while the JSON does not
   * parse or holds what the form cannot show (an unknown key, a field given twice).
   */
  onModeChange?: (mode: AssociatedObjectEditorMode) => void
}

/**
 * Edits the CRM record that travels with a call: `id`, `type`, `displayName`, `displayType`
 * and `customFields` as name/value rows, or the whole object as JSON. Invalid JSON shows the
 * Bright Pattern widget's message and keeps the typed text. Switching modes loses nothing: every
 * row goes to JSON as typed (unnamed and repeated names too) and comes back exactly; JSON the
 * form cannot show keeps the editor in JSON with the reason. Any name is an own field, never a
 * prototype (`__proto__`, `constructor`).
 *
 * Parts and selectors (unstyled; `react-click-to-call/styles.css` gives the default look):
 * - `.rcc-AssociatedObjectEditor`: a `fieldset`. `[data-mode="form|json"]`; `[data-invalid]` while
 *   the object is incomplete or the JSON is wrong; `[disabled]`.
 * - `.rcc-AssociatedObjectEditor-legend`, `.rcc-AssociatedObjectEditor-modes` with
 *   `.rcc-AssociatedObjectEditor-mode` (`[aria-pressed="true"]` on the current one).
 * - `.rcc-AssociatedObjectEditor-fields`; `.rcc-AssociatedObjectEditor-field` with
 *   `[data-field="id|type|displayName|displayType"]` and `[data-invalid]`; `-label`, `-input`
 *   (`[aria-invalid]`), `-error`.
 * - `.rcc-AssociatedObjectEditor-customFields`, `-rows`, `-row` (`[data-invalid]`), `-rowHeader`,
 *   `-remove`, `-add`, `-empty`.
 * - `.rcc-AssociatedObjectEditor-json` (the textarea), `-jsonErrors`.
 *
 * @example
 * const [contact, setContact] = useState(ada)
 * <AssociatedObjectEditor value={contact} onValueChange={(value) => setContact(value)} />
 * <CallButton phoneNumber="+14165550199" associatedObject={contact} />
 */
export const AssociatedObjectEditor = forwardRef<HTMLFieldSetElement, AssociatedObjectEditorProps>(
  function AssociatedObjectEditor(
    {
      value,
      defaultValue,
      onValueChange,
      mode: modeProp,
      defaultMode = 'form',
      onModeChange,
      className,
      ...rest
    },
    ref,
  ) {
    const messages = useMessages('AssociatedObjectEditor')
    const initial = value ?? defaultValue
    const [draft, setDraft] = useState<AssociatedObjectDraft>(() => toDraft(initial))
    const [json, setJson] = useState(() => draftJson(draft))
    // The draft the JSON text was made from or taken into: when the form changed it since, the
    // JSON mode shows the form's draft; else the text as typed (even text the form cannot take).
    const jsonDraftOf = useRef(draft)
    const [modeState, setModeState] = useState<AssociatedObjectEditorMode>(defaultMode)
    // Which fields show their errors: all (`true`, once a value was given or loaded), else those left once.
    const [shown, setShown] = useState<true | Record<string, boolean>>(initial !== undefined || {})
    const emitted = useRef<InteractionAssociatedObject | undefined>(initial)
    const textareaRef = useRef<HTMLTextAreaElement>(null)
    // The Add button (`add`) and each row's name input (by row key), and which of them to focus next.
    const focusables = useRef(new Map<string, HTMLElement>())
    const focusNext = useRef<string | null>(null)
    const base = useId()
    const mode = modeProp ?? modeState
    const rootRef = useRef<HTMLFieldSetElement | null>(null)
    // The app may switch `mode` while focus is in a field: it goes to the new mode's first field
    // (the JSON text, or ID), never to the page.
    useFocusRescue(rootRef, (root) => root.querySelector<HTMLElement>('input, textarea'))

    // A controlled value that did not come from this editor replaces what it shows.
    useEffect(() => {
      if (value === undefined || value === emitted.current) return
      emitted.current = value
      const next = toDraft(value)
      setDraft(next)
      setJson(draftJson(next))
      jsonDraftOf.current = next
      setShown(true)
    }, [value])

    // Into JSON mode, by the person's switch or by the app's `mode`: the JSON shows what the form
    // has (every row as typed, unnamed and repeated ones too: the way back restores them all).
    useLayoutEffect(() => {
      if (mode !== 'json' || jsonDraftOf.current === draft) return
      jsonDraftOf.current = draft
      setJson(draftJson(draft))
      // Only on entering JSON mode; the draft changes in JSON mode come from the JSON itself.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [mode])

    // After a row was added or removed, focus goes to its replacement (a row's name, or Add).
    useEffect(() => {
      if (focusNext.current === null) return
      focusables.current.get(focusNext.current)?.focus()
      focusNext.current = null
    })

    const formErrors = draftErrors(draft, messages)
    // The JSON text can be large: parse it once per change, not on every render.
    const jsonDraft = useMemo(
      () => (mode === 'json' ? parseJsonDraft(json, messages) : null),
      [mode, json, messages],
    )
    const jsonErrors = Object.entries(jsonDraft ? jsonDraft.errors : {})
    const invalid = hasErrors(jsonDraft ? jsonDraft.errors : formErrors)

    /** Shows a draft (made from `value` unless given) and reports `value` with the draft's errors unless given. */
    const take = (
      value: InteractionAssociatedObject,
      next = toDraft(value),
      errors: AssociatedObjectErrors = draftErrors(next, messages),
    ) => {
      setDraft(next)
      emitted.current = value
      onValueChange?.(value, { valid: !hasErrors(errors), errors })
    }
    const updateDraft = (next: AssociatedObjectDraft) => take(fromDraft(next), next)
    const setRows = (rows: CustomFieldRow[], focus?: string) => {
      updateDraft({ ...draft, rows })
      if (focus) focusNext.current = focus
    }
    const changeJson = (text: string) => {
      setJson(text)
      const { draft: parsed, errors } = parseJsonDraft(text, messages)
      if (!parsed || hasErrors(errors)) return
      jsonDraftOf.current = parsed
      take(fromDraft(parsed), parsed, errors)
    }
    const switchMode = (next: AssociatedObjectEditorMode) => {
      if (next === mode) return
      if (next === 'form') {
        const carried = jsonDraft?.draft
        if (!carried || !jsonDraft.keepsAll) {
          // Not a JSON object, or something the form has no place for: switching would drop it.
          // Stay, with the reason in view (the textarea's description) and the typed text kept.
          textareaRef.current?.focus()
          return
        }
        jsonDraftOf.current = carried
        updateDraft(carried)
        setShown(true)
      }
      setModeState(next)
      onModeChange?.(next)
    }

    const id = (part: string) => `${base}-${part}`
    const register = (key: string) => (element: HTMLElement | null) => {
      if (element) focusables.current.set(key, element)
      else focusables.current.delete(key)
    }
    // A field's error: `aria-invalid` and the description for its input, and the message itself.
    const errorProps = (key: string, error: unknown) =>
      error ? { 'aria-invalid': true, 'aria-describedby': id(`${key}-error`) } : {}
    const errorText = (key: string, error: ReactNode) =>
      error ? (
        <p id={id(`${key}-error`)} className="rcc-AssociatedObjectEditor-error">
          {error}
        </p>
      ) : null
    const textInput = {
      className: 'rcc-AssociatedObjectEditor-input',
      type: 'text',
      autoComplete: 'off',
      // Each value reads in its own direction: a URL or an ID in a right-to-left page is not cut.
      dir: 'auto',
    }

    return (
      <fieldset
        {...rest}
        ref={mergeRefs(rootRef, ref)}
        className={cx('rcc-AssociatedObjectEditor', className)}
        data-mode={mode}
        data-invalid={invalid || undefined}
      >
        <legend className="rcc-AssociatedObjectEditor-legend">{messages.associatedObject}</legend>
        <div
          className="rcc-AssociatedObjectEditor-modes"
          role="group"
          aria-label={messages.editorMode}
        >
          {(['form', 'json'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className="rcc-AssociatedObjectEditor-mode"
              data-mode={option}
              aria-pressed={mode === option}
              onClick={() => switchMode(option)}
            >
              {option === 'form' ? messages.formMode : messages.jsonMode}
            </button>
          ))}
        </div>

        {mode === 'form' ? (
          <>
            <div className="rcc-AssociatedObjectEditor-fields">
              {TEXT_FIELDS.map((field) => {
                const error = (shown === true || shown[field]) && formErrors[field]
                return (
                  <div
                    key={field}
                    className="rcc-AssociatedObjectEditor-field"
                    data-field={field}
                    data-invalid={error ? true : undefined}
                  >
                    <label className="rcc-AssociatedObjectEditor-label" htmlFor={id(field)}>
                      {messages.associatedObjectFields[field]}
                    </label>
                    <input
                      {...textInput}
                      id={id(field)}
                      spellCheck={field === 'displayName'}
                      value={draft[field]}
                      aria-required="true"
                      {...errorProps(field, error)}
                      onChange={(event) => updateDraft({ ...draft, [field]: event.target.value })}
                      onBlur={() =>
                        setShown((current) =>
                          current === true || current[field]
                            ? current
                            : { ...current, [field]: true },
                        )
                      }
                    />
                    {errorText(field, error)}
                  </div>
                )
              })}
            </div>
            <fieldset className="rcc-AssociatedObjectEditor-customFields">
              <legend className="rcc-AssociatedObjectEditor-legend" data-level="2">
                {messages.customFields}
              </legend>
              {draft.rows.length === 0 ? (
                <p className="rcc-AssociatedObjectEditor-empty">{messages.noCustomFields}</p>
              ) : (
                <div className="rcc-AssociatedObjectEditor-rows">
                  <div className="rcc-AssociatedObjectEditor-rowHeader" aria-hidden="true">
                    <span>{messages.customFieldNameColumn}</span>
                    <span>{messages.customFieldValueColumn}</span>
                  </div>
                  {draft.rows.map((row, index) => {
                    const error = formErrors[`row:${row.key}`]
                    const setRow = (change: Partial<CustomFieldRow>) =>
                      setRows(draft.rows.map((r) => (r === row ? { ...r, ...change } : r)))
                    return (
                      <div
                        key={row.key}
                        className="rcc-AssociatedObjectEditor-row"
                        data-invalid={error ? true : undefined}
                      >
                        <input
                          ref={register(row.key)}
                          {...textInput}
                          data-part="name"
                          spellCheck={false}
                          aria-label={messages.customFieldName(index + 1)}
                          value={row.name}
                          {...errorProps(row.key, error)}
                          onChange={(event) => setRow({ name: event.target.value })}
                        />
                        <input
                          {...textInput}
                          data-part="value"
                          aria-label={messages.customFieldValue(index + 1)}
                          value={row.value}
                          onChange={(event) => setRow({ value: event.target.value })}
                        />
                        <button
                          type="button"
                          className="rcc-AssociatedObjectEditor-remove"
                          aria-label={messages.removeCustomField(row.name.trim(), index + 1)}
                          onClick={() =>
                            setRows(
                              draft.rows.filter((r) => r !== row),
                              (draft.rows[index + 1] ?? draft.rows[index - 1])?.key ?? 'add',
                            )
                          }
                        >
                          <CloseIcon />
                        </button>
                        {errorText(row.key, error)}
                      </div>
                    )
                  })}
                </div>
              )}
              <button
                ref={register('add')}
                type="button"
                className="rcc-AssociatedObjectEditor-add"
                onClick={() => {
                  const key = nextRowKey()
                  setRows([...draft.rows, { key, name: '', value: '' }], key)
                }}
              >
                <PlusIcon />
                {messages.addCustomField}
              </button>
            </fieldset>
          </>
        ) : (
          <div
            className="rcc-AssociatedObjectEditor-field"
            data-field="json"
            data-invalid={invalid || undefined}
          >
            <label className="rcc-AssociatedObjectEditor-label" htmlFor={id('json')}>
              {messages.jsonLabel}
            </label>
            <textarea
              ref={textareaRef}
              id={id('json')}
              className="rcc-AssociatedObjectEditor-json"
              rows={12}
              // JSON's punctuation reads left to right, whatever language its values are in.
              dir="ltr"
              spellCheck={false}
              autoComplete="off"
              value={json}
              {...errorProps('json', invalid)}
              onChange={(event) => changeJson(event.target.value)}
            />
            <div
              id={id('json-error')}
              className="rcc-AssociatedObjectEditor-jsonErrors"
              aria-live="polite"
            >
              {invalid ? (
                <ul>
                  {jsonErrors.map(([path, message]) => (
                    <li key={path} className="rcc-AssociatedObjectEditor-error" data-path={path}>
                      <AlertIcon />
                      {message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </div>
        )}
      </fieldset>
    )
  },
)
// Development only, so production bundles can drop it (and tree-shake an unused component).
if (process.env.NODE_ENV !== 'production')
  AssociatedObjectEditor.displayName = 'AssociatedObjectEditor'

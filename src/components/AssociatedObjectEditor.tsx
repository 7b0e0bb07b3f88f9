import { forwardRef, useEffect, useId, useMemo, useRef, useState, type ComponentPropsWithoutRef } from 'react'
import type { InteractionAssociatedObject } from '../core/types.js'
import { useMessages } from '../react/useMessages.js'
import {
  coerceAssociatedObject,
  draftErrors,
  EMPTY_OBJECT,
  fromDraft,
  isParsedObject,
  nextRowKey,
  parseJsonDraft,
  TEXT_FIELDS,
  toDraft,
  toJson,
  type AssociatedObjectDraft,
  type AssociatedObjectValidation,
} from './associatedObjectDraft.js'
import { cx, describedBy } from './composeHandlers.js'
import { AlertIcon, CloseIcon, PlusIcon } from './icons.js'

/** `form`: a field per property and a row per custom field. `json`: the object as JSON text. */
export type AssociatedObjectEditorMode = 'form' | 'json'

export interface AssociatedObjectEditorProps
  extends Omit<ComponentPropsWithoutRef<'fieldset'>, 'children' | 'defaultValue' | 'onChange'> {
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
  onValueChange?: (value: InteractionAssociatedObject, validation: AssociatedObjectValidation) => void
  /** The editing mode, controlled. Pair with `onModeChange`. */
  mode?: AssociatedObjectEditorMode
  /** The editing mode at mount. Default `'form'`. */
  defaultMode?: AssociatedObjectEditorMode
  /** Called when the person switches modes. Leaving JSON mode is refused while the JSON does not parse. */
  onModeChange?: (mode: AssociatedObjectEditorMode) => void
}

/**
 * Edits the CRM record that travels with a call: `id`, `type`, `displayName`, `displayType`
 * and `customFields` as name/value rows, or the whole object as JSON. Invalid JSON shows the
 * seed's message and keeps the typed text; switching modes keeps the data.
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
    { value, defaultValue, onValueChange, mode: modeProp, defaultMode = 'form', onModeChange, className, ...rest },
    ref,
  ) {
    const messages = useMessages('AssociatedObjectEditor')
    const initial = value ?? defaultValue
    const [draft, setDraft] = useState<AssociatedObjectDraft>(() => toDraft(initial))
    const [json, setJson] = useState(() => toJson(initial ?? EMPTY_OBJECT))
    const [modeState, setModeState] = useState<AssociatedObjectEditorMode>(defaultMode)
    const [showAll, setShowAll] = useState(initial !== undefined)
    const [touched, setTouched] = useState<Record<string, boolean>>({})
    const [focusTarget, setFocusTarget] = useState<string | null>(null)
    const emitted = useRef<InteractionAssociatedObject | undefined>(initial)
    const textareaRef = useRef<HTMLTextAreaElement>(null)
    const addRef = useRef<HTMLButtonElement>(null)
    const rowInputs = useRef(new Map<string, HTMLInputElement>())
    const base = useId()
    const mode = modeProp ?? modeState

    // A controlled value that did not come from this editor replaces what it shows.
    useEffect(() => {
      if (value === undefined || value === emitted.current) return
      emitted.current = value
      setDraft(toDraft(value))
      setJson(toJson(value))
      setShowAll(true)
    }, [value])

    useEffect(() => {
      if (focusTarget === null) return
      setFocusTarget(null)
      ;(focusTarget === 'add' ? addRef.current : rowInputs.current.get(focusTarget))?.focus()
    }, [focusTarget])

    const formErrors = useMemo(() => draftErrors(draft, messages), [draft, messages])
    const jsonDraft = useMemo(() => (mode === 'json' ? parseJsonDraft(json, messages) : null), [mode, json, messages])
    const invalid = jsonDraft ? jsonDraft.kind !== 'valid' : Object.keys(formErrors).length > 0

    const emit = (next: InteractionAssociatedObject, errors: Record<string, string>) => {
      emitted.current = next
      onValueChange?.(next, { valid: Object.keys(errors).length === 0, errors })
    }
    const updateDraft = (change: (current: AssociatedObjectDraft) => AssociatedObjectDraft) => {
      const next = change(draft)
      setDraft(next)
      emit(fromDraft(next), draftErrors(next, messages))
    }
    const changeJson = (text: string) => {
      setJson(text)
      const parsed = parseJsonDraft(text, messages)
      if (parsed.kind !== 'valid') return
      setDraft(toDraft(parsed.value))
      emit(parsed.value, {})
    }
    const switchMode = (next: AssociatedObjectEditorMode) => {
      if (next === mode) return
      if (next === 'json') {
        setJson(toJson(fromDraft(draft)))
      } else {
        const parsed = parseJsonDraft(json, messages)
        if (parsed.kind === 'syntax' || (parsed.kind === 'invalid' && !isParsedObject(parsed.raw))) {
          // Nothing to carry over: stay, with the error in view and the typed text kept.
          textareaRef.current?.focus()
          return
        }
        const carried = parsed.kind === 'valid' ? parsed.value : coerceAssociatedObject(parsed.raw as Record<string, unknown>)
        const nextDraft = toDraft(carried)
        setDraft(nextDraft)
        setShowAll(true)
        emit(carried, draftErrors(nextDraft, messages))
      }
      setModeState(next)
      onModeChange?.(next)
    }

    const id = (part: string) => `${base}-${part}`
    const jsonErrors = jsonDraft && jsonDraft.kind !== 'valid' ? Object.entries(jsonDraft.errors) : []

    return (
      <fieldset
        {...rest}
        ref={ref}
        className={cx('rcc-AssociatedObjectEditor', className)}
        data-mode={mode}
        data-invalid={invalid || undefined}
      >
        <legend className="rcc-AssociatedObjectEditor-legend">{messages.associatedObject}</legend>
        <div className="rcc-AssociatedObjectEditor-modes" role="group" aria-label={messages.editorMode}>
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
                const error = showAll || touched[field] ? formErrors[field] : undefined
                return (
                  <div key={field} className="rcc-AssociatedObjectEditor-field" data-field={field} data-invalid={error ? true : undefined}>
                    <label className="rcc-AssociatedObjectEditor-label" htmlFor={id(field)}>
                      {messages.associatedObjectFields[field]}
                    </label>
                    <input
                      id={id(field)}
                      className="rcc-AssociatedObjectEditor-input"
                      type="text"
                      autoComplete="off"
                      spellCheck={field === 'displayName'}
                      value={draft[field]}
                      aria-required="true"
                      aria-invalid={error ? true : undefined}
                      aria-describedby={describedBy(error && id(`${field}-error`))}
                      onChange={(event) => {
                        const text = event.target.value
                        updateDraft((current) => ({ ...current, [field]: text }))
                      }}
                      onBlur={() => setTouched((current) => (current[field] ? current : { ...current, [field]: true }))}
                    />
                    {error ? (
                      <p id={id(`${field}-error`)} className="rcc-AssociatedObjectEditor-error">
                        {error}
                      </p>
                    ) : null}
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
                    const errorId = id(`${row.key}-error`)
                    return (
                      <div key={row.key} className="rcc-AssociatedObjectEditor-row" data-invalid={error ? true : undefined}>
                        <input
                          ref={(element) => {
                            if (element) rowInputs.current.set(row.key, element)
                            else rowInputs.current.delete(row.key)
                          }}
                          className="rcc-AssociatedObjectEditor-input"
                          data-part="name"
                          type="text"
                          autoComplete="off"
                          spellCheck={false}
                          aria-label={messages.customFieldName(index + 1)}
                          value={row.name}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={describedBy(error && errorId)}
                          onChange={(event) => {
                            const name = event.target.value
                            updateDraft((current) => ({
                              ...current,
                              rows: current.rows.map((r) => (r.key === row.key ? { ...r, name } : r)),
                            }))
                          }}
                        />
                        <input
                          className="rcc-AssociatedObjectEditor-input"
                          data-part="value"
                          type="text"
                          autoComplete="off"
                          aria-label={messages.customFieldValue(index + 1)}
                          value={row.value}
                          onChange={(event) => {
                            const text = event.target.value
                            updateDraft((current) => ({
                              ...current,
                              rows: current.rows.map((r) => (r.key === row.key ? { ...r, value: text } : r)),
                            }))
                          }}
                        />
                        <button
                          type="button"
                          className="rcc-AssociatedObjectEditor-remove"
                          aria-label={messages.removeCustomField(row.name.trim(), index + 1)}
                          onClick={() => {
                            const after = draft.rows[index + 1] ?? draft.rows[index - 1]
                            updateDraft((current) => ({ ...current, rows: current.rows.filter((r) => r.key !== row.key) }))
                            setFocusTarget(after ? after.key : 'add')
                          }}
                        >
                          <CloseIcon />
                        </button>
                        {error ? (
                          <p id={errorId} className="rcc-AssociatedObjectEditor-error">
                            {error}
                          </p>
                        ) : null}
                      </div>
                    )
                  })}
                </div>
              )}
              <button
                ref={addRef}
                type="button"
                className="rcc-AssociatedObjectEditor-add"
                onClick={() => {
                  const key = nextRowKey()
                  updateDraft((current) => ({ ...current, rows: [...current.rows, { key, name: '', value: '' }] }))
                  setFocusTarget(key)
                }}
              >
                <PlusIcon />
                {messages.addCustomField}
              </button>
            </fieldset>
          </>
        ) : (
          <div className="rcc-AssociatedObjectEditor-field" data-field="json" data-invalid={jsonErrors.length > 0 || undefined}>
            <label className="rcc-AssociatedObjectEditor-label" htmlFor={id('json')}>
              {messages.jsonLabel}
            </label>
            <textarea
              ref={textareaRef}
              id={id('json')}
              className="rcc-AssociatedObjectEditor-json"
              rows={12}
              spellCheck={false}
              autoComplete="off"
              value={json}
              aria-invalid={jsonErrors.length > 0 || undefined}
              aria-describedby={describedBy(jsonErrors.length > 0 && id('json-errors'))}
              onChange={(event) => changeJson(event.target.value)}
            />
            <div id={id('json-errors')} className="rcc-AssociatedObjectEditor-jsonErrors" aria-live="polite">
              {jsonErrors.length > 0 ? (
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
AssociatedObjectEditor.displayName = 'AssociatedObjectEditor'

import {
  forwardRef,
  useEffect,
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type ComponentPropsWithoutRef,
  type FormEvent,
} from 'react'
import { useStore } from 'zustand'
import type { CallLogRecord } from '../core/createCallLog.js'
import { useCallLogContext } from '../react/CallLogContext.js'
import { formatCallDuration } from '../react/useCallDuration.js'
import { usePhoneNumber } from '../react/usePhoneNumber.js'
import { useWrapUp } from '../react/useWrapUp.js'
import { cx, describedBy } from './composeHandlers.js'
import { mergeRefs } from './mergeRefs.js'
import { useFocusRescue } from './useFocusRescue.js'

export interface WrapUpFormProps extends Omit<
  ComponentPropsWithoutRef<'form'>,
  'children' | 'onSubmit'
> {
  /** The call to wrap up. Default: the last call that ended here, or the one opened from `RecentCalls`. */
  interactionId?: string
  /** The heading's level (`h2` by default), to fit the page's outline. */
  headingLevel?: 2 | 3 | 4 | 5 | 6
  /** The notes, controlled. Default: kept by the call log (through errors, re-renders and reloads). */
  notes?: string
  /** Called with the notes as they are typed. */
  onNotesChange?: (notes: string) => void
  /** The disposition's value, controlled. Default: kept by the call log. */
  disposition?: string
  /** Called with the chosen disposition's value. */
  onDispositionChange?: (disposition: string) => void
  /** Called once the CRM has the entry (after Save or Skip), with the call's record. */
  onSaved?: (record: CallLogRecord) => void
}

/**
 * The wrap-up of a call: a heading with the call's name, number, outcome and duration, a
 * disposition select (when there is a list), notes, Save and, when the wrap-up is optional, Skip.
 * Appears when a call ends; keeps typed notes through errors; announces a saved or failed write.
 * Save again after logging updates the same CRM record.
 *
 * Parts and selectors (unstyled):
 * - `.rcc-WrapUpForm`: `[data-status="editing|saving|saved|error"]`, `[data-mode="optional|required|off"]`.
 * - `.rcc-WrapUpForm-heading` with `.rcc-WrapUpForm-name`, `.rcc-WrapUpForm-number`,
 *   `.rcc-WrapUpForm-outcome` (`[data-outcome="completed|no-answer|busy|…|failed"]`),
 *   `.rcc-WrapUpForm-duration`, and `.rcc-WrapUpForm-separator` (the commas between them).
 * - `.rcc-WrapUpForm-field` (label + control), `.rcc-WrapUpForm-fieldError` (`aria-invalid` on the select).
 * - `.rcc-WrapUpForm-actions`; `.rcc-WrapUpForm-save` with `[data-pending]`; `.rcc-WrapUpForm-skip`.
 * - `.rcc-WrapUpForm-status` (polite live region: "Call logged."), `.rcc-WrapUpForm-error` (`role="alert"`).
 *
 * @example
 * <CallLogProvider userId={user.id} onCallLog={saveTask} dispositions={outcomes}>
 *   <WrapUpForm headingLevel={3} />
 * </CallLogProvider>
 */
export const WrapUpForm = forwardRef<HTMLFormElement, WrapUpFormProps>(function WrapUpForm(
  {
    interactionId,
    headingLevel = 2,
    notes: notesProp,
    onNotesChange,
    disposition: dispositionProp,
    onDispositionChange,
    onSaved,
    className,
    ...rest
  },
  ref,
) {
  const { callLog, messages } = useCallLogContext('WrapUpForm')
  const wrapUp = useWrapUp(interactionId)
  const opened = useStore(callLog.store, (state) => state.opened)
  const { entry } = wrapUp
  const { display: number } = usePhoneNumber(entry?.phoneNumber ?? '')
  const [missingDisposition, setMissingDisposition] = useState(false)
  const id = useId()
  const selectRef = useRef<HTMLSelectElement>(null)
  const notesRef = useRef<HTMLTextAreaElement>(null)
  const saveRef = useRef<HTMLButtonElement>(null)
  const savedFor = useRef<string | null>(null)
  const formRef = useRef<HTMLFormElement | null>(null)
  // A keyboard user's focus never falls to the page: the disposition list that empties gives it
  // to the notes, Skip (gone once the call is logged) to Save, and a form that renders nothing
  // (no entry for the call) back to where it came from (the row's "Log").
  useFocusRescue(formRef, (_, lost) =>
    lost.localName === 'button' ? saveRef.current : (selectRef.current ?? notesRef.current),
  )

  const notes = notesProp ?? wrapUp.notes
  const disposition = dispositionProp ?? wrapUp.disposition
  const status = wrapUp.wrapUpStatus
  const { record } = wrapUp

  useEffect(() => {
    // "Log" in a list of recent calls opens this form: take the person there.
    if (opened > 0 && interactionId === undefined) (selectRef.current ?? notesRef.current)?.focus()
  }, [opened, interactionId])

  useEffect(() => {
    if (status !== 'saved' || !record) return
    const key = `${record.entry.interactionId}:${record.written}`
    if (savedFor.current === key) return
    savedFor.current = key
    onSaved?.(record)
  }, [status, record, onSaved])

  if (!entry) return null

  const Heading = `h${headingLevel}` as const
  // The heading reads as one sentence ("Ada Lovelace, +1 416 555 0199, Completed, 00:42"); the
  // commas are their own parts so a stylesheet can lay the facts out as chips instead.
  const separator = <span className="rcc-WrapUpForm-separator">, </span>
  const name = entry.associatedObject?.displayName
  const outcomeKey = entry.error ? 'failed' : (entry.outcome ?? 'unknown')
  const outcome = messages.outcomes[outcomeKey]
  const saving = status === 'saving'

  const submit = (draft: { disposition: string; notes: string }) => {
    if (saving) return
    if (wrapUp.dispositionRequired && !draft.disposition) {
      setMissingDisposition(true)
      selectRef.current?.focus()
      return
    }
    wrapUp.mutate({ draft })
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    submit({ disposition, notes })
  }

  const onSkip = () => {
    if (saving) return
    wrapUp.mutate({ skip: true })
    saveRef.current?.focus()
  }

  const setNotes = (value: string) => {
    onNotesChange?.(value)
    // Controlled notes are still kept by the call log, so a reload or an error never loses them.
    wrapUp.setNotes(value)
  }
  const setDisposition = (value: string) => {
    if (value) setMissingDisposition(false)
    onDispositionChange?.(value)
    wrapUp.setDisposition(value)
  }

  const errorText =
    status === 'error' && wrapUp.lastError
      ? wrapUp.logStatus === 'pending'
        ? messages.notSaved(messages.errorMessage(wrapUp.lastError))
        : messages.errorMessage(wrapUp.lastError)
      : null

  return (
    <form
      aria-labelledby={`${id}-heading`}
      {...rest}
      ref={mergeRefs(formRef, ref)}
      className={cx('rcc-WrapUpForm', className)}
      data-status={status}
      data-mode={wrapUp.mode}
      onSubmit={onSubmit}
      noValidate
    >
      <Heading id={`${id}-heading`} className="rcc-WrapUpForm-heading">
        <span className="rcc-WrapUpForm-name">{name ?? (number || messages.unknownParty)}</span>
        {name && number ? (
          <>
            {separator}
            <span className="rcc-WrapUpForm-number" dir="ltr">
              {number}
            </span>
          </>
        ) : null}
        {separator}
        <span className="rcc-WrapUpForm-outcome" data-outcome={outcomeKey}>
          {outcome}
        </span>
        {separator}
        <span className="rcc-WrapUpForm-duration">
          <time dateTime={`PT${Math.floor(entry.durationMs / 1000)}S`}>
            {formatCallDuration(entry.durationMs)}
          </time>
        </span>
      </Heading>
      {wrapUp.dispositions.length > 0 ? (
        <div className="rcc-WrapUpForm-field">
          <label htmlFor={`${id}-disposition`}>{messages.disposition}</label>
          <select
            ref={selectRef}
            id={`${id}-disposition`}
            value={disposition}
            required={wrapUp.dispositionRequired}
            aria-invalid={missingDisposition || undefined}
            aria-describedby={describedBy(missingDisposition && `${id}-disposition-error`)}
            onChange={(event: ChangeEvent<HTMLSelectElement>) => setDisposition(event.target.value)}
          >
            <option value="">{messages.chooseDisposition}</option>
            {wrapUp.dispositions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {missingDisposition ? (
            <p id={`${id}-disposition-error`} className="rcc-WrapUpForm-fieldError">
              {messages.dispositionRequired}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="rcc-WrapUpForm-field">
        <label htmlFor={`${id}-notes`}>{messages.notes}</label>
        <textarea
          ref={notesRef}
          id={`${id}-notes`}
          value={notes}
          rows={4}
          onChange={(event) => setNotes(event.target.value)}
        />
      </div>
      <div className="rcc-WrapUpForm-actions">
        <button
          ref={saveRef}
          type="submit"
          className="rcc-WrapUpForm-save"
          aria-disabled={saving || undefined}
          data-pending={saving || undefined}
        >
          {saving ? messages.saving : messages.save}
        </button>
        {wrapUp.canSkip ? (
          <button
            type="button"
            className="rcc-WrapUpForm-skip"
            aria-disabled={saving || undefined}
            onClick={onSkip}
          >
            {messages.skip}
          </button>
        ) : null}
      </div>
      <p className="rcc-WrapUpForm-status" role="status">
        {status === 'saved' ? messages.saved : ''}
      </p>
      {errorText ? (
        <p className="rcc-WrapUpForm-error" role="alert">
          {errorText}
        </p>
      ) : null}
    </form>
  )
})
if (process.env.NODE_ENV !== 'production') WrapUpForm.displayName = 'WrapUpForm'

import type { ReactNode, Ref } from 'react'
import type { UseCallControlsResult } from '../react/useCallControls.js'

/** What a banner control does: a call control, or Dismiss and Show, which send nothing. */
export type Control =
  'answer' | 'decline' | 'hangup' | 'hold' | 'resume' | 'mute' | 'dismiss' | 'show'

/** One of the banner's control buttons; its state is in data attributes, as everywhere in the banner. */
export function ControlButton({
  kind,
  label,
  icon,
  onClick,
  pending,
  pressed,
  buttonRef,
  accessibleName,
}: {
  kind: Control
  label: string
  icon: ReactNode
  onClick: () => void
  pending: UseCallControlsResult['pending']
  pressed?: boolean
  buttonRef?: Ref<HTMLButtonElement>
  accessibleName?: string
}) {
  // Dismiss and Show send nothing, so they are never pending; mute is pending for unmute too.
  const busy =
    (kind !== 'dismiss' &&
      kind !== 'show' &&
      (pending === kind || (kind === 'mute' && pending === 'unmute'))) ||
    undefined
  return (
    <button
      type="button"
      ref={buttonRef}
      className="rcc-CallStatusBanner-control"
      data-control={kind}
      data-pending={busy}
      aria-busy={busy}
      aria-pressed={pressed}
      aria-label={accessibleName}
      onClick={onClick}
    >
      {icon}
      <span className="rcc-CallStatusBanner-controlLabel">{label}</span>
    </button>
  )
}

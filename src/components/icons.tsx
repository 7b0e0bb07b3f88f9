import type { ReactNode, SVGProps } from 'react'

// Lucide icons (https://lucide.dev), copied verbatim from lucide-static 1.87.0: each icon's
// elements exactly as Lucide draws them, on Lucide's 24×24 grid, stroked with currentColor.
// Lucide is ISC-licensed, `x`, `plus`, `info` and `circle-alert` (Feather's `alert-circle`) are
// also MIT (Feather, Cole Bemis): both licence texts are in the package's NOTICE.md.
// Sized 1em so they follow the text when no stylesheet is loaded. Decorative: names come from labels.

type IconProps = SVGProps<SVGSVGElement>

const icon = (children: ReactNode) =>
  function Icon(props: IconProps) {
    return (
      <svg
        width="1em"
        height="1em"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        {...props}
      >
        {children}
      </svg>
    )
  }

const HANDSET =
  'M13.832 16.568a1 1 0 0 0 1.213-.303l.355-.465A2 2 0 0 1 17 15h3a2 2 0 0 1 2 2v3a2 2 0 0 1-2 2A18 18 0 0 1 2 4a2 2 0 0 1 2-2h3a2 2 0 0 1 2 2v3a2 2 0 0 1-.8 1.6l-.468.351a1 1 0 0 0-.292 1.233 14 14 0 0 0 6.392 6.384'

/** Lucide `phone`. */
export const PhoneIcon = icon(<path d={HANDSET} />)

/** Lucide `phone-off`: hang up. */
export const HangUpIcon = icon(
  <>
    <path d="M10.1 13.9a14 14 0 0 0 3.732 2.668 1 1 0 0 0 1.213-.303l.355-.465A2 2 0 0 1 17 15h3a2 2 0 0 1 2 2v3a2 2 0 0 1-2 2 18 18 0 0 1-12.728-5.272" />
    <path d="M22 2 2 22" />
    <path d="M4.76 13.582A18 18 0 0 1 2 4a2 2 0 0 1 2-2h3a2 2 0 0 1 2 2v3a2 2 0 0 1-.8 1.6l-.468.351a1 1 0 0 0-.292 1.233 14 14 0 0 0 .244.473" />
  </>,
)

/** Lucide `phone-outgoing`: call again. */
export const PhoneOutgoingIcon = icon(
  <>
    <path d="m16 8 6-6" />
    <path d="M22 8V2h-6" />
    <path d={HANDSET} />
  </>,
)

/** Lucide `pause`. */
export const PauseIcon = icon(
  <>
    <rect x="14" y="3" width="5" height="18" rx="1" />
    <rect x="5" y="3" width="5" height="18" rx="1" />
  </>,
)

/** Lucide `play`. */
export const PlayIcon = icon(
  <path d="M5 5a2 2 0 0 1 3.008-1.728l11.997 6.998a2 2 0 0 1 .003 3.458l-12 7A2 2 0 0 1 5 19z" />,
)

/** Lucide `mic`. */
export const MicIcon = icon(
  <>
    <path d="M12 19v3" />
    <path d="M19 10v2a7 7 0 0 1-14 0v-2" />
    <rect x="9" y="2" width="6" height="13" rx="3" />
  </>,
)

/** Lucide `mic-off`. */
export const MicOffIcon = icon(
  <>
    <path d="M12 19v3" />
    <path d="M15 9.34V5a3 3 0 0 0-5.68-1.33" />
    <path d="M16.95 16.95A7 7 0 0 1 5 12v-2" />
    <path d="M18.89 13.23A7 7 0 0 0 19 12v-2" />
    <path d="m2 2 20 20" />
    <path d="M9 9v3a3 3 0 0 0 5.12 2.12" />
  </>,
)

/** Lucide `grid-3x3`: the keypad. */
export const KeypadIcon = icon(
  <>
    <rect width="18" height="18" x="3" y="3" rx="2" />
    <path d="M3 9h18" />
    <path d="M3 15h18" />
    <path d="M9 3v18" />
    <path d="M15 3v18" />
  </>,
)

/** Lucide `delete`: backspace. */
export const BackspaceIcon = icon(
  <>
    <path d="M10 5a2 2 0 0 0-1.344.519l-6.328 5.74a1 1 0 0 0 0 1.481l6.328 5.741A2 2 0 0 0 10 19h10a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2z" />
    <path d="m12 9 6 6" />
    <path d="m18 9-6 6" />
  </>,
)

/** Lucide `x`. */
export const CloseIcon = icon(
  <>
    <path d="M18 6 6 18" />
    <path d="m6 6 12 12" />
  </>,
)

/** Lucide `plus`. */
export const PlusIcon = icon(
  <>
    <path d="M5 12h14" />
    <path d="M12 5v14" />
  </>,
)

/** Lucide `circle-alert`. */
export const AlertIcon = icon(
  <>
    <circle cx="12" cy="12" r="10" />
    <line x1="12" x2="12" y1="8" y2="12" />
    <line x1="12" x2="12.01" y1="16" y2="16" />
  </>,
)

/** Lucide `info`: why a control is unavailable. */
export const InfoIcon = icon(
  <>
    <circle cx="12" cy="12" r="10" />
    <path d="M12 16v-4" />
    <path d="M12 8h.01" />
  </>,
)

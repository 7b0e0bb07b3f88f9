import type { SVGProps } from 'react'

// Outline icons after Lucide (ISC license, https://lucide.dev): 24×24, stroked with currentColor,
// sized 1em so they follow the text when no stylesheet is loaded. Decorative: names come from labels.
// Each icon is one path (its strokes as subpaths), so an icon is only its path data. Inline SVG in
// HTML needs no `xmlns`, and `focusable` only mattered to Internet Explorer.

type IconProps = SVGProps<SVGSVGElement>

const icon = (d: string, transform?: string) =>
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
        <path d={d} transform={transform} />
      </svg>
    )
  }

const PHONE =
  'M22 16.92v3a2 2 0 0 1-2.18 2 19.79 19.79 0 0 1-8.63-3.07 19.5 19.5 0 0 1-6-6 19.79 19.79 0 0 1-3.07-8.67A2 2 0 0 1 4.11 2h3a2 2 0 0 1 2 1.72 12.84 12.84 0 0 0 .7 2.81 2 2 0 0 1-.45 2.11L8.09 9.91a16 16 0 0 0 6 6l1.27-1.27a2 2 0 0 1 2.11-.45 12.84 12.84 0 0 0 2.81.7A2 2 0 0 1 22 16.92z'

export const PhoneIcon = icon(PHONE)
export const HangUpIcon = icon(PHONE, 'rotate(135 12 12)')
// Two bars: 4×16 rectangles with 1-unit rounded corners at x 6 and 14 (the second one 8 to the right).
export const PauseIcon = icon(
  'M7 4h2a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1h-2a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm8 0h2a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1h-2a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z',
)
export const PlayIcon = icon(
  'M6 4.5v15a1 1 0 0 0 1.5.86l12.5-7.5a1 1 0 0 0 0-1.72L7.5 3.64A1 1 0 0 0 6 4.5z',
)
export const MicIcon = icon(
  'M12 2a3 3 0 0 0-3 3v7a3 3 0 0 0 6 0V5a3 3 0 0 0-3-3ZM19 10v2a7 7 0 0 1-14 0v-2M12 19v3',
)
export const MicOffIcon = icon(
  'M2 2l20 20M18.89 13.23A7 7 0 0 0 19 12v-2M5 10v2a7 7 0 0 0 12 5M15 9.34V5a3 3 0 0 0-5.68-1.33M9 9v3a3 3 0 0 0 5.12 2.12M12 19v3',
)
export const BackspaceIcon = icon(
  'M20 5H9l-7 7 7 7h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2ZM18 9l-6 6M12 9l6 6',
)
export const CloseIcon = icon('M18 6 6 18M6 6l12 12')
export const PlusIcon = icon('M12 5v14M5 12h14')
// A circle of radius 10 around the centre, then the exclamation mark.
export const AlertIcon = icon('M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0M12 8v4M12 16h.01')

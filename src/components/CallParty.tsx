import type { Interaction } from '../core/reduceInteraction.js'

/**
 * Who is on the call, as the banner shows it: the record's name and type, and the formatted
 * number, kept left to right in a right-to-left page.
 */
export function CallParty({ call, number }: { call: Interaction; number: string }) {
  const { displayName: name, displayType } = call.associatedObject ?? {}
  return (
    <p className="rcc-CallStatusBanner-party">
      {name ? <span className="rcc-CallStatusBanner-name">{name}</span> : null}
      {name && displayType ? (
        <span className="rcc-CallStatusBanner-type">{displayType}</span>
      ) : null}
      {number ? (
        <span className="rcc-CallStatusBanner-number" dir="ltr">
          {number}
        </span>
      ) : null}
    </p>
  )
}

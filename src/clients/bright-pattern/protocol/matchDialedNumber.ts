import type { InteractionData } from './AdApi.js'

/**
 * Whether two numbers (as digits, see the kit's `digitsOf`) are the same line. Exact digits, or
 * one ending with the other when the shorter has at least 7 digits: the widget may add or drop a
 * country code or trunk prefix (`14165550199` vs `4165550199`).
 */
export function sameNumber(a: string | undefined, b: string | undefined): boolean {
  const [shorter = '', longer = ''] = (a ?? '').length < (b ?? '').length ? [a, b] : [b, a]
  return shorter !== '' && (shorter === longer || (shorter.length >= 7 && longer.endsWith(shorter)))
}

/** The number on the far end of an interaction, from the first field that has one. */
export function dialedNumber(data: InteractionData): string | undefined {
  const far = data.callDirection === 'inbound' ? data.ANI : data.DNIS
  return (
    data.phoneNumber || far || data.callParties?.find((party) => !party.userId)?.phone || undefined
  )
}

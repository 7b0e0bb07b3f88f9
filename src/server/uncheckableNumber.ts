import { quoteInput } from '../core/quoteInput.js'
import type { DialString } from '../core/parseDialString.js'
import type { CallRequestRules } from '../clients/dialstack/protocol/validateCallRequest.js'

/**
 * Why a number must be refused although it passed the dial rules: the app set a `validate`
 * rule (or allowed countries), but without phone metadata and a default region the number
 * could not be turned into E.164, so the rule saw digits as typed and DialStack would normalize
 * them by the account's region afterwards. `1-900-555-0100` would then pass a rule written for
 * `+1900`. `undefined` when the rule saw what will be dialed.
 */
export function uncheckableNumber(
  dialString: DialString,
  rules: CallRequestRules,
): string | undefined {
  const policy = rules.dialPolicy
  if (!policy?.validate && !policy?.allowedCountries) return undefined
  if (dialString.kind !== 'local' || dialString.value.startsWith('+')) return undefined
  return `“${quoteInput(dialString.input.trim())}” cannot be checked against this app’s dialing rules: add the country code, for example +1 for the US and Canada.`
}

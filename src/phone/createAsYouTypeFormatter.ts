import { AsYouType, type CountryCode, type MetadataJson } from 'libphonenumber-js/core'
import type { AsYouTypeFormatter } from '../core/parseDialString.js'

/**
 * Makes an `AsYouTypeFormatter` from libphonenumber-js metadata, for `CallProvider`'s
 * `asYouType`: the `Dialpad` then formats the number as it is typed, pasted or prefilled
 * (`(416) 555-0199` in `CA`, `+1 416 555 0199`), keeping the caret where the person types.
 * Its own import, so apps that check numbers without formatting them as typed pay nothing for it.
 *
 * @example
 * import metadata from 'libphonenumber-js/min/metadata'
 * const asYouType = createAsYouTypeFormatter(metadata)
 * <CallProvider client={client} defaultRegion="CA" phoneNumbers={phoneNumbers} asYouType={asYouType}>
 */
export function createAsYouTypeFormatter(metadata: MetadataJson): AsYouTypeFormatter {
  return (number, defaultRegion) =>
    new AsYouType(
      defaultRegion ? { defaultCountry: defaultRegion.toUpperCase() as CountryCode } : undefined,
      metadata,
    ).input(number)
}

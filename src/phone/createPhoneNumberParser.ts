import {
  parsePhoneNumberFromString,
  type CountryCode,
  type MetadataJson,
} from 'libphonenumber-js/core'
import type { PhoneNumberParser } from '../core/parseDialString.js'

/**
 * Makes a `PhoneNumberParser` from libphonenumber-js metadata of your choice
 * (`min` ~80 kB, or a custom set of countries), as react-phone-number-input does.
 *
 * @example
 * import metadata from 'libphonenumber-js/min/metadata'
 * const phoneNumbers = createPhoneNumberParser(metadata)
 * <CallProvider client={client} defaultRegion="CA" phoneNumbers={phoneNumbers}>
 */
export function createPhoneNumberParser(metadata: MetadataJson): PhoneNumberParser {
  return (text, defaultRegion) => {
    const number = parsePhoneNumberFromString(
      text,
      defaultRegion ? { defaultCountry: defaultRegion.toUpperCase() as CountryCode } : {},
      metadata,
    )
    if (!number) return undefined
    const parsed = {
      e164: number.number,
      valid: number.isValid(),
      formatted: number.formatInternational(),
    }
    return number.country ? { ...parsed, country: number.country } : parsed
  }
}

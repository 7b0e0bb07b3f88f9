// @vitest-environment node
import metadata from 'libphonenumber-js/min/metadata'
import { describe, expect, it } from 'vitest'
import { isCallError, parseDialString, type DialStringOptions } from '../../src/core/index.js'
import { createPhoneNumberParser } from '../../src/phone/index.js'

const phoneNumbers = createPhoneNumberParser(metadata)

function ok(input: string, options: DialStringOptions) {
  const result = parseDialString(input, options)
  if (!result.ok) throw new Error(`expected ${input} to pass: ${result.error.message}`)
  return result.dialString
}

function refused(input: string, options: DialStringOptions) {
  const result = parseDialString(input, options)
  if (result.ok) throw new Error(`expected ${input} to be refused`)
  expect(isCallError(result.error)).toBe(true)
  expect(result.error.code).toBe('invalid_number')
  return result.error.message
}

describe('parseDialString with phone metadata', () => {
  it('normalizes a local number to E.164 by region, with country and display format', () => {
    expect(ok('(416) 555-0199', { defaultRegion: 'CA', phoneNumbers })).toEqual({
      kind: 'local',
      value: '+14165550199',
      input: '(416) 555-0199',
      country: 'CA',
      formatted: '+1 416 555 0199',
    })
    expect(ok('020 7946 0018', { defaultRegion: 'GB', phoneNumbers })).toMatchObject({
      kind: 'local',
      value: '+442079460018',
      country: 'GB',
      formatted: '+44 20 7946 0018',
    })
  })

  it('checks and formats international numbers', () => {
    expect(ok('+44 20 7946 0018', { phoneNumbers })).toEqual({
      kind: 'e164',
      value: '+442079460018',
      input: '+44 20 7946 0018',
      country: 'GB',
      formatted: '+44 20 7946 0018',
    })
  })

  it('refuses numbers the metadata says are not valid, with a message naming the number', () => {
    expect(refused('+1 555 555 5555', { phoneNumbers })).toBe(
      '“+1 555 555 5555” is not a valid phone number.',
    )
    expect(refused('020 7946 0018', { defaultRegion: 'US', phoneNumbers })).toBe(
      '“020 7946 0018” is not a valid phone number in US.',
    )
    expect(refused('1234567', { defaultRegion: 'us', phoneNumbers })).toBe(
      '“1234567” is not a valid phone number in US.',
    )
  })

  it('without metadata, the same international number passes unchecked', () => {
    expect(ok('+1 555 555 5555', {})).toEqual({
      kind: 'e164',
      value: '+15555555555',
      input: '+1 555 555 5555',
    })
  })

  it('asks for the country code when there is metadata but no region', () => {
    expect(refused('416 555 0199', { phoneNumbers })).toMatch(/Add the country code/)
  })

  it('keeps extensions and emergency numbers out of the metadata check', () => {
    expect(ok('1001', { defaultRegion: 'US', phoneNumbers })).toMatchObject({
      kind: 'extension',
      value: '1001',
    })
    expect(ok('999', { defaultRegion: 'GB', phoneNumbers })).toMatchObject({
      kind: 'emergency',
      value: '999',
    })
  })
})

describe('parseDialString: allowedCountries', () => {
  const policy = { allowedCountries: ['us', 'CA'] }

  it('lets numbers of allowed countries through, local or international', () => {
    expect(ok('(212) 555-0100', { defaultRegion: 'US', phoneNumbers, policy })).toMatchObject({
      value: '+12125550100',
      country: 'US',
    })
    expect(ok('+1 416 555 0199', { phoneNumbers, policy })).toMatchObject({ country: 'CA' })
    // Typed as a US local number, it is a Toronto number: Canada is allowed too.
    expect(ok('416 555 0199', { defaultRegion: 'US', phoneNumbers, policy })).toMatchObject({
      country: 'CA',
    })
  })

  it('refuses numbers of other countries, naming the country', () => {
    expect(refused('+44 20 7946 0018', { phoneNumbers, policy })).toBe(
      'Calls to GB are not allowed here.',
    )
    expect(refused('020 7946 0018', { defaultRegion: 'GB', phoneNumbers, policy })).toBe(
      'Calls to GB are not allowed here.',
    )
  })

  it('a Canadian number is refused when only the US is allowed, even typed as a US local number', () => {
    expect(
      refused('416 555 0199', {
        defaultRegion: 'US',
        phoneNumbers,
        policy: { allowedCountries: ['US'] },
      }),
    ).toBe('Calls to CA are not allowed here.')
  })

  it('never blocks emergency numbers or internal extensions', () => {
    const onlyFrance = { allowedCountries: ['FR'] }
    expect(ok('911', { defaultRegion: 'US', phoneNumbers, policy: onlyFrance })).toMatchObject({
      kind: 'emergency',
    })
    expect(ok('112', { phoneNumbers, policy: onlyFrance })).toMatchObject({ kind: 'emergency' })
    expect(ok('2001', { defaultRegion: 'US', phoneNumbers, policy: onlyFrance })).toMatchObject({
      kind: 'extension',
    })
  })

  it('needs phone metadata to know a country: a configuration error, thrown', () => {
    expect(() => parseDialString('+14165550199', { policy })).toThrow(
      /allowedCountries needs phone metadata/,
    )
    try {
      parseDialString('+14165550199', { policy })
    } catch (error) {
      expect(isCallError(error) && error.code).toBe('invalid_argument')
    }
  })

  it('runs the app validator after the country check', () => {
    const validate = (dialString: { value: string }) =>
      dialString.value.startsWith('+1900') ? 'Premium-rate numbers cannot be called.' : undefined
    expect(
      refused('+1 900 555 0100', {
        phoneNumbers: () => ({ e164: '+19005550100', valid: true, country: 'US' }),
        policy: { allowedCountries: ['US'], validate },
      }),
    ).toBe('Premium-rate numbers cannot be called.')
  })
})

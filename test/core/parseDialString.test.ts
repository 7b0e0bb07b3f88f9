import { describe, expect, it, vi } from 'vitest'
import { parseDialString, type DialStringOptions } from '../../src/core/index.js'

function ok(input: string, options?: DialStringOptions) {
  const result = parseDialString(input, options)
  if (!result.ok) throw new Error(`expected ${input} to parse: ${result.error.message}`)
  return result.dialString
}

function refused(input: string, options?: DialStringOptions) {
  const result = parseDialString(input, options)
  if (result.ok) throw new Error(`expected ${input} to be refused`)
  expect(result.error.code).toBe('invalid_number')
  return result.error.message
}

describe('parseDialString', () => {
  it.each([
    ['+14165550199', '+14165550199'],
    [' +1 (416) 555-0199 ', '+14165550199'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('reads %j as E.164 %s', (input, value) => {
    expect(ok(input)).toMatchObject({ kind: 'e164', value, input })
  })

  it.each(['1001', '42', '123456'])('reads %j as an extension', (input) => {
    expect(ok(input)).toMatchObject({ kind: 'extension', value: input })
  })

  it('honours a configured extension length', () => {
    expect(ok('1234567', { policy: { extensionLength: { min: 3, max: 7 } } }).kind).toBe(
      'extension',
    )
    expect(refused('12', { policy: { extensionLength: { min: 3, max: 7 } } })).toMatch(/too short/)
  })

  it.each([
    ['911', 'US'],
    ['112', undefined],
    ['999', 'GB'],
    ['000', 'AU'],
  ])('reads %j as an emergency number in %s', (input, defaultRegion) => {
    expect(ok(input, { defaultRegion }).kind).toBe('emergency')
  })

  it('never blocks an emergency number, whatever the policy', () => {
    const policy = { allowedCountries: ['FR'], validate: () => 'Nothing may be dialed.' }
    expect(ok('911', { defaultRegion: 'US', policy, phoneNumbers: () => undefined }).kind).toBe(
      'emergency',
    )
  })

  it('uses a region’s own emergency list when the app gives one', () => {
    expect(
      ok('117', { defaultRegion: 'CH', policy: { emergencyNumbers: { CH: ['117', '118'] } } }).kind,
    ).toBe('emergency')
  })

  it('asks for a country code for a national number without metadata', () => {
    expect(refused('4165550199')).toBe(
      'Add the country code to “4165550199”, for example +1 for the US and Canada.',
    )
  })

  it('passes a national number through for providers that normalize by account region', () => {
    expect(ok('5551234567', { policy: { unnormalizedLocal: 'pass' } })).toMatchObject({
      kind: 'local',
      value: '5551234567',
    })
  })

  it('normalizes a national number with the region and metadata', () => {
    const phoneNumbers = (text: string, region?: string) =>
      region === 'CA' && text === '4165550199'
        ? { e164: '+14165550199', country: 'CA', valid: true }
        : undefined
    expect(ok('(416) 555-0199', { defaultRegion: 'CA', phoneNumbers })).toMatchObject({
      kind: 'local',
      value: '+14165550199',
      country: 'CA',
    })
    expect(refused('6135550000', { defaultRegion: 'CA', phoneNumbers })).toBe(
      '“6135550000” is not a valid phone number in CA.',
    )
  })

  it.each([
    ['', 'Enter a phone number.'],
    ['   ', 'Enter a phone number.'],
    [
      'call me',
      '“call me” is not a phone number. Use digits, with + and the country code for other countries.',
    ],
    [
      '+1-800-FLOWERS',
      '“+1-800-FLOWERS” is not a phone number. Use digits, with + and the country code for other countries.',
    ],
    [
      '+0123456789',
      '“+0123456789” is not a complete international number: after + come the country code and the number.',
    ],
    [
      '+1234',
      '“+1234” is not a complete international number: after + come the country code and the number.',
    ],
    ['1', '“1” is too short to be a phone number or an extension.'],
    ['+1234567890123456', '“+1234567890123456” is too long: a phone number has at most 15 digits.'],
    [
      '12++34',
      '“12++34” is not a phone number. Use digits, with + and the country code for other countries.',
    ],
  ])('refuses %j with a message a person can act on', (input, message) => {
    expect(refused(input)).toBe(message)
  })

  it('applies the max length and the app’s own validator', () => {
    expect(refused('+14165550199', { policy: { maxLength: 10 } })).toMatch(/at most 10 digits/)
    const validate = (d: { value: string }) =>
      d.value.startsWith('+1900') ? 'Premium-rate numbers are blocked.' : undefined
    expect(refused('+19005550199', { policy: { validate } })).toBe(
      'Premium-rate numbers are blocked.',
    )
    expect(ok('+14165550199', { policy: { validate } }).value).toBe('+14165550199')
  })

  it('checks allowed countries with metadata, and says so when metadata is missing', () => {
    const phoneNumbers = (text: string) =>
      text.startsWith('+44')
        ? { e164: text, country: 'GB', valid: true }
        : { e164: text, country: 'US', valid: true }
    const policy = { allowedCountries: ['us', 'CA'] }
    expect(ok('+14165550199', { phoneNumbers, policy }).country).toBe('US')
    expect(refused('+442079460958', { phoneNumbers, policy })).toBe(
      'Calls to GB are not allowed here.',
    )
    expect(ok('1001', { phoneNumbers, policy }).kind).toBe('extension')
    expect(() => parseDialString('+14165550199', { policy })).toThrow(
      /allowedCountries needs phone metadata/,
    )
  })

  it('says how to fix missing metadata in a production build too', () => {
    vi.stubEnv('NODE_ENV', 'production')
    try {
      expect(() =>
        parseDialString('+14165550199', { policy: { allowedCountries: ['CA'] } }),
      ).toThrow(
        'dialPolicy.allowedCountries needs phone metadata to know a number’s country: pass phoneNumbers={createPhoneNumberParser(metadata)} from react-click-to-call/phone.',
      )
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('refuses an E.164 number the metadata says is invalid', () => {
    const phoneNumbers = () => ({ e164: '+15550000000', valid: false })
    expect(refused('+1 555 000 0000', { phoneNumbers })).toBe(
      '“+1 555 000 0000” is not a valid phone number.',
    )
  })
})

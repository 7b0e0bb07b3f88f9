// @vitest-environment node
import metadata from 'libphonenumber-js/min/metadata'
import { describe, expect, it } from 'vitest'
import { createPhoneNumberParser } from '../../src/phone/index.js'

const parse = createPhoneNumberParser(metadata)

describe('createPhoneNumberParser (libphonenumber-js min metadata)', () => {
  it.each([
    ['(416) 555-0199', 'CA', '+14165550199', 'CA', '+1 416 555 0199'],
    ['416.555.0199', 'ca', '+14165550199', 'CA', '+1 416 555 0199'],
    ['(212) 555-0100', 'US', '+12125550100', 'US', '+1 212 555 0100'],
    ['020 7946 0018', 'GB', '+442079460018', 'GB', '+44 20 7946 0018'],
    ['06 12 34 56 78', 'FR', '+33612345678', 'FR', '+33 6 12 34 56 78'],
  ])('turns the local %j in %s into E.164', (input, region, e164, country, formatted) => {
    expect(parse(input, region)).toEqual({ e164, valid: true, country, formatted })
  })

  it('finds the real country of a NANP number, whatever the default region', () => {
    // A Toronto number typed with the US as default region is Canadian.
    expect(parse('4165550199', 'US')).toMatchObject({
      e164: '+14165550199',
      country: 'CA',
      valid: true,
    })
  })

  it.each([
    ['+14165550199', '+14165550199', 'CA'],
    ['+44 20 7946 0018', '+442079460018', 'GB'],
    ['+49 1512 3456789', '+4915123456789', 'DE'],
    ['+61 2 9374 4000', '+61293744000', 'AU'],
  ])('reads the international %j without a region', (input, e164, country) => {
    expect(parse(input)).toMatchObject({ e164, country, valid: true })
  })

  it.each([['+1 555 555 5555'], ['+1 200 555 0100'], ['+44 20 7946 001']])(
    'reports %j as not valid (still with its E.164 form, and no country)',
    (input) => {
      const parsed = parse(input)
      expect(parsed?.valid).toBe(false)
      expect(parsed?.e164).toMatch(/^\+\d+$/)
      expect(parsed?.country).toBeUndefined()
    },
  )

  it('reports a local number too short for its region as not valid', () => {
    expect(parse('1234567', 'US')?.valid).toBe(false)
  })

  it('returns undefined for what is not a number at all', () => {
    expect(parse('hello')).toBeUndefined()
    expect(parse('')).toBeUndefined()
    expect(parse('4165550199')).toBeUndefined() // no + and no region: nothing to go on
  })
})

// @vitest-environment node
import metadata from 'libphonenumber-js/min/metadata'
import { describe, expect, it } from 'vitest'
import { createAsYouTypeFormatter } from '../../src/phone/index.js'

const format = createAsYouTypeFormatter(metadata)

describe('createAsYouTypeFormatter (libphonenumber-js min metadata)', () => {
  it.each([
    ['416', 'CA', '(416)'],
    ['4165550199', 'ca', '(416) 555-0199'],
    ['+14165550199', undefined, '+1 416 555 0199'],
    ['+14165550199', 'FR', '+1 416 555 0199'],
    ['0612345678', 'FR', '06 12 34 56 78'],
    ['02079460018', 'GB', '020 7946 0018'],
  ])('formats %j in %s as %j', (number, region, formatted) => {
    expect(format(number, region)).toBe(formatted)
  })

  it('leaves a national number unformatted without a region to read it in', () => {
    expect(format('4165550199')).toBe('4165550199')
  })
})

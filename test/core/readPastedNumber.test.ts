import { readPastedNumber } from '../../src/core/readPastedNumber.js'
import { defaultMessages } from '../../src/react/messages.js'

const read = (text: string) => readPastedNumber(text, defaultMessages.keyLetters)
const number = (value: string, extension: string | null = null) => ({
  ok: true,
  number: value,
  extension,
})

describe('readPastedNumber', () => {
  it('reads a tel: URI as a URI: the number, and the extension as tones (not more digits)', () => {
    expect(read('tel:+1-416-555-0199;ext=123')).toEqual(number('+14165550199', '123'))
    expect(read('TEL:+1.416.555.0199')).toEqual(number('+14165550199'))
    expect(read('tel:%2B1-416-555-0199')).toEqual(number('+14165550199'))
  })

  it('refuses a tel: URI part that changes where the call goes, naming it', () => {
    expect(read('tel:5550199;phone-context=example.com')).toEqual({
      ok: false,
      reason: 'uri-part',
      part: ';phone-context=example.com',
    })
    expect(read('tel:+14165550199;isub=1411')).toMatchObject({ reason: 'uri-part' })
    expect(read('tel:+14165550199%')).toEqual({ ok: false, reason: 'character', character: '%' })
    // A tel: URI has no keypad letters: trailing words are refused, not dialed as digits.
    expect(read('Tel: +1 (416) 555-0199 ext')).toEqual({
      ok: false,
      reason: 'character',
      character: 'e',
    })
  })

  it.each([
    ['+1 416 555 0199;ext=123'],
    ['+1 416 555 0199 ext. 123'],
    ['+1 416 555 0199 ext 123'],
    ['+1 416 555 0199 extension 123'],
    ['+1 416 555 0199 x123'],
    ['+1 (416) 555-0199 X 123'],
    ['+1 416 555 0199 #123'],
  ])('reads the extension of %s apart from the number', (text) => {
    expect(read(text)).toEqual(number('+14165550199', '123'))
  })

  it('keeps # in a short network code', () => {
    expect(read('*31#')).toEqual(number('*31#'))
    expect(read('#21#')).toEqual(number('#21#'))
  })

  it('maps keypad letters after a digit to digits', () => {
    expect(read('1-800-FLOWERS')).toEqual(number('18003569377'))
    expect(read('1-800-flowers')).toEqual(number('18003569377'))
    expect(read('+1 800 NEXT STEP')).toEqual(number('+180063987837'))
  })

  it('turns Arabic-Indic, Persian and full-width digits into ASCII digits', () => {
    expect(read('+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧')).toEqual(number('+966501234567'))
    expect(read('+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹')).toEqual(number('+989123456789'))
    expect(read('＋８１　３－１２３４－５６７８')).toEqual(number('+81312345678'))
  })

  it('strips invisible and bidi characters', () => {
    expect(read('\u202a+1 416 555 0199\u202c')).toEqual(number('+14165550199'))
    expect(read('\u200e+1\u200b416\u2066555\u2069\u00ad0199\ufeff')).toEqual(number('+14165550199'))
  })

  it('refuses anything else with the reason, never dropping it', () => {
    expect(read('ada@example.com')).toEqual({ ok: false, reason: 'character', character: 'a' })
    expect(read('+1 416 555 0199!')).toEqual({ ok: false, reason: 'character', character: '!' })
    expect(read('Call 555 0199')).toEqual({ ok: false, reason: 'character', character: 'C' })
    expect(read('sip:ada@example.com')).toMatchObject({ ok: false, reason: 'character' })
    expect(read('1 416 555 0199 +2')).toEqual({ ok: false, reason: 'plus' })
    expect(read(' \u200b ')).toEqual({ ok: false, reason: 'empty' })
  })

  it('reads what a formatted copy says', () => {
    expect(read('(416) 555-0199')).toEqual(number('4165550199'))
    expect(read('+44 20 7183 8750')).toEqual(number('+442071838750'))
    expect(read('+1\u2011416\u2013555\u22120199')).toEqual(number('+14165550199'))
  })
})

import { describe, expect, it } from 'vitest'
import { checkStart, createProviderErrors } from '../../src/client-kit/index.js'

const errors = createProviderErrors('tether')
const contact = {
  id: 'contact-42',
  type: 'contact',
  displayName: 'Ada Lovelace',
  displayType: 'Contact',
  customFields: {},
}
const refusal = (result: ReturnType<typeof checkStart>) =>
  result.ok ? undefined : result.result.status === 'error' ? result.result.error : undefined

describe('checkStart', () => {
  it('passes a dialable number, the record and the signal through', () => {
    const signal = new AbortController().signal
    const result = checkStart(
      { phoneNumber: '+1 416 555 0199', initialObject: contact, options: { signal } },
      { errors, disposed: false },
    )
    expect(result).toMatchObject({
      ok: true,
      dialString: { kind: 'e164', value: '+14165550199' },
      associatedObject: contact,
      signal,
    })
  })

  it.each([undefined, null, 4165550199, { number: '+14165550199' }, ['+1']])(
    'refuses the phone number %j with invalid_number, never a throw',
    (phoneNumber) => {
      const error = refusal(checkStart({ phoneNumber }, { errors, disposed: false }))
      expect(error?.code).toBe('invalid_number')
      expect(error?.message).toMatch(/^The phone number must be text, got /)
    },
  )

  it('checks in order: disposed, number, associated object, aborted', () => {
    const aborted = new AbortController()
    aborted.abort()
    const bad = { phoneNumber: 'call me', initialObject: { id: 1 }, options: aborted }
    expect(refusal(checkStart(bad, { errors, disposed: true }))?.code).toBe('not_ready')
    expect(refusal(checkStart(bad, { errors, disposed: false }))?.code).toBe('invalid_number')
    const badObject = { ...bad, phoneNumber: '+14165550199' }
    expect(refusal(checkStart(badObject, { errors, disposed: false }))?.code).toBe(
      'invalid_argument',
    )
    const abortedStart = {
      phoneNumber: '+14165550199',
      options: { signal: aborted.signal },
    }
    const error = refusal(checkStart(abortedStart, { errors, disposed: false }))
    expect(error?.code).toBe('aborted')
    expect(error?.provider?.provider).toBe('tether')
  })

  it('ignores an odd third argument instead of throwing', () => {
    for (const options of [null, 'x', { signal: 'no' }]) {
      const result = checkStart(
        { phoneNumber: '+14165550199', options },
        { errors, disposed: false },
      )
      expect(result.ok && result.signal).toBeUndefined()
    }
  })

  it('applies the client’s dial-string rules', () => {
    const strict = checkStart({ phoneNumber: '4165550199' }, { errors, disposed: false })
    const pbx = checkStart(
      { phoneNumber: '4165550199' },
      { errors, disposed: false, dialString: { policy: { unnormalizedLocal: 'pass' } } },
    )
    expect(refusal(strict)?.code).toBe('invalid_number')
    expect(pbx.ok && pbx.dialString.value).toBe('4165550199')
  })
})

import { describe, expect, it, vi } from 'vitest'
import {
  isTypeId,
  validateCallRequest,
} from '../../../src/clients/dialstack/protocol/validateCallRequest.js'

const USER = 'user_01h2xcejqtf2nbrexx3vqjhp42'

describe('validateCallRequest: user_id (TypeID)', () => {
  it('accepts the documented sample user id and trims whitespace only', () => {
    const result = validateCallRequest({ userId: `  ${USER}\n`, dialString: '+15551234567' })
    expect(result.ok && result.value.userId).toBe(USER)
  })

  it.each([undefined, null, '', '   ', 42])(
    'refuses %j with DialStack’s text “user_id is required”',
    (userId) => {
      const result = validateCallRequest({ userId, dialString: '+15551234567' })
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.field).toBe('user_id')
      expect(result.providerMessage).toBe('user_id is required')
      expect(result.error.code).toBe('invalid_argument')
      expect(result.error.message).toMatch(/^user_id is required: .*administrator/)
    },
  )

  it.each([
    ['user_123', 'too short'],
    ['user_81h2xcejqtf2nbrexx3vqjhp42', 'first suffix character above 7 (does not fit 128 bits)'],
    ['user_01h2xcejqtf2nbrexx3vqjhp4l', 'l is not in the alphabet'],
    ['user_01h2xcejqtf2nbrexx3vqjhp4u', 'u is not in the alphabet'],
    ['USER_01H2XCEJQTF2NBREXX3VQJHP42', 'upper case is invalid and never lower-cased'],
    ['user_01H2xcejqtf2nbrexx3vqjhp42', 'one upper-case character'],
    ['01h2xcejqtf2nbrexx3vqjhp42', 'no prefix'],
    ['acct_01h2xcejqtf2nbrexx3vqjhp41', 'another resource’s prefix'],
    ['user__01h2xcejqtf2nbrexx3vqjhp42', 'prefix ending with _'],
  ])('refuses %s (%s) with “Invalid user_id format”', (userId) => {
    const result = validateCallRequest({ userId, dialString: '+15551234567' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.providerMessage).toBe('Invalid user_id format')
    expect(result.error.code).toBe('invalid_argument')
    expect(result.error.message).toContain('Invalid user_id format')
  })

  it('follows the TypeID spec for other prefixes (split at the last _)', () => {
    expect(isTypeId('user_01h2xcejqtf2nbrexx3vqjhp42')).toBe(true)
    expect(isTypeId('dect_b_01h2xcejqtf2nbrexx3vqjhp42')).toBe(true)
    expect(isTypeId('01h2xcejqtf2nbrexx3vqjhp42')).toBe(true)
    expect(isTypeId('_01h2xcejqtf2nbrexx3vqjhp42')).toBe(false)
    expect(isTypeId(`${'a'.repeat(64)}_01h2xcejqtf2nbrexx3vqjhp42`)).toBe(false)
  })

  it('accepts any valid TypeID with userIdPrefix: null, and logs when the prefix alone refuses one', () => {
    const other = 'member_01h2xcejqtf2nbrexx3vqjhp42'
    const logger = { warn: vi.fn(), debug: vi.fn() }
    expect(validateCallRequest({ userId: other, dialString: '911' }, { logger }).ok).toBe(false)
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('userIdPrefix: null'))
    expect(
      validateCallRequest({ userId: other, dialString: '911' }, { userIdPrefix: null }).ok,
    ).toBe(true)
  })
})

describe('validateCallRequest: dial_string (the documented formats)', () => {
  it.each([
    ['+15551234567', 'e164', '+15551234567'],
    ['+1 (555) 123-4567', 'e164', '+15551234567'],
    ['5551234567', 'local', '5551234567'],
    ['(555) 123-4567', 'local', '5551234567'],
    ['1001', 'extension', '1001'],
    ['911', 'emergency', '911'],
  ])('accepts %s as %s and sends %s', (dialString, kind, value) => {
    const result = validateCallRequest({ userId: USER, dialString })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.dialString.kind).toBe(kind)
    expect(result.value.dialString.value).toBe(value)
  })

  it.each([undefined, '', '   ', 5551234567])(
    'refuses %j with “dial_string is required” as invalid_number',
    (dialString) => {
      const result = validateCallRequest({ userId: USER, dialString })
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.field).toBe('dial_string')
      expect(result.providerMessage).toBe('dial_string is required')
      expect(result.error.code).toBe('invalid_number')
    },
  )

  it.each(['call me', '+0123456789', '1', '+1555123456789012'])(
    'refuses %j as invalid_number with a message to act on',
    (dialString) => {
      const result = validateCallRequest({ userId: USER, dialString })
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.code).toBe('invalid_number')
      expect(result.error.message.length).toBeGreaterThan(15)
      expect(result.providerMessage).toBe(result.error.message)
    },
  )

  it('checks the user id before the dial string, as DialStack does', () => {
    const result = validateCallRequest({ userId: '', dialString: '' })
    expect(!result.ok && result.field).toBe('user_id')
  })

  it('applies the app’s dial policy', () => {
    const policy = {
      validate: (d: { value: string }) =>
        d.value.startsWith('+1900') ? 'Premium numbers are blocked.' : undefined,
    }
    const blocked = validateCallRequest(
      { userId: USER, dialString: '+19005550100' },
      { dialPolicy: policy },
    )
    expect(!blocked.ok && blocked.error.message).toBe('Premium numbers are blocked.')
    expect(
      validateCallRequest(
        { userId: USER, dialString: '5551234567' },
        { dialPolicy: { unnormalizedLocal: 'reject' } },
      ).ok,
    ).toBe(false)
  })
})

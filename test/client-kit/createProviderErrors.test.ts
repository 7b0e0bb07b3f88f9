import { describe, expect, it } from 'vitest'
import {
  abortedError,
  badDtmfError,
  createProviderErrors,
  disposedError,
  isDtmf,
  notSupportedError,
  type ErrorTable,
} from '../../src/client-kit/index.js'
import { CallError } from '../../src/core/index.js'

const TABLE: ErrorTable = {
  codes: { 2: 'invalid_state', 20: 'unauthorized' },
  messages: { invalid_state: 'Genesys cannot do this now.' },
  fallback: 'Genesys had a problem. Try again.',
}

describe('standard errors', () => {
  it('have one wording each, whichever client makes them', () => {
    for (const provider of ['tether', 'genesys']) {
      expect(abortedError(provider)).toMatchObject({
        code: 'aborted',
        message: 'The call was cancelled before it started.',
        provider: { provider },
      })
      expect(disposedError(provider)).toMatchObject({
        code: 'not_ready',
        message: 'The phone connection was closed. Reload the page to call again.',
      })
      expect(notSupportedError(provider, 'hang up').message).toBe(
        'This phone system cannot hang up from here. Use your phone instead.',
      )
      expect(badDtmfError(provider, '12a')).toMatchObject({
        code: 'invalid_argument',
        message: '“12a” is not a DTMF tone: use 0-9, * and #.',
      })
    }
  })

  it('isDtmf accepts 0-9, * and # only', () => {
    expect(isDtmf('0123456789*#')).toBe(true)
    for (const bad of ['', 'A', '1 2', 5, undefined]) expect(isDtmf(bad)).toBe(false)
  })
})

describe('createProviderErrors', () => {
  const errors = createProviderErrors('genesys')

  it('names the provider on every error', () => {
    const error = errors.error('timeout', 'Too slow.', { status: 504 })
    expect(error).toBeInstanceOf(CallError)
    expect(error.provider).toEqual({ provider: 'genesys', status: 504 })
    expect(errors.aborted().provider?.provider).toBe('genesys')
    expect(errors.notSupported('mute').code).toBe('not_supported')
  })

  it('maps a provider code through its table, keeping the provider’s words', () => {
    const error = errors.fromTable(TABLE, 2, 'Operation Hold is not valid', { status: 200 })
    expect(error.code).toBe('invalid_state')
    expect(error.message).toBe('Genesys cannot do this now. (Operation Hold is not valid)')
    expect(error.provider).toEqual({
      provider: 'genesys',
      code: 2,
      message: 'Operation Hold is not valid',
      status: 200,
    })
    expect(errors.fromTable(TABLE, 20).message).toBe('Genesys had a problem. Try again.')
    expect(errors.fromTable(TABLE, 'constructor').code).toBe('provider_error')
  })

  it('words what the app’s code threw, keeping a CallError as it is', () => {
    const thrown = new Error('Microphone permission denied')
    const error = errors.fromThrown(thrown, 'Your phone could not place the call.', {
      name: 'placeCall',
      appendThrown: true,
    })
    expect(error.message).toBe(
      'Your phone could not place the call. (Microphone permission denied)',
    )
    expect(error.provider).toEqual({
      provider: 'genesys',
      name: 'placeCall',
      message: 'Microphone permission denied',
    })
    expect(error.cause).toBe(thrown)
    const own = errors.error('forbidden', 'No.')
    expect(errors.fromThrown(own, 'ignored')).toBe(own)
    expect(errors.normalize(new TypeError('fetch failed')).code).toBe('network_error')
  })

  it('throws the full text of a configuration mistake', () => {
    expect(() => errors.misconfigured('createGenesysClient', 'baseUrl must be a URL')).toThrow(
      'createGenesysClient: baseUrl must be a URL.',
    )
  })
})

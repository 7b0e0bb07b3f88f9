import { describe, expect, it } from 'vitest'
import { createCallRuntime, describeError, isCallError } from '../../src/core/index.js'
import { createSimulatedClient } from '../../src/clients/simulated/index.js'
import { de } from '../../src/locales/de.js'
import { fr } from '../../src/locales/fr.js'

/** A start refused before anything is sent: what a headless app catches. */
async function refusedStart() {
  const runtime = createCallRuntime({ client: createSimulatedClient() })
  const error: unknown = await runtime.startCall({ phoneNumber: 'call me maybe' }).catch((e) => e)
  if (!isCallError(error)) throw new Error('the start was not refused')
  return error
}

describe('describeError', () => {
  it('without a catalog, is the error’s own English message, which names what to fix', async () => {
    const error = await refusedStart()
    expect(error.code).toBe('invalid_number')
    expect(describeError(error)).toBe(error.message)
    expect(describeError(error)).toMatch(/is not a phone number/)
  })

  it('with a locale pack, words the error by its code in that language', async () => {
    const error = await refusedStart()
    expect(describeError(error, fr)).toBe(
      'Ce numéro ne peut pas être composé. Vérifiez-le, avec l’indicatif du pays.',
    )
    expect(describeError(error, de)).not.toMatch(/phone number/)
  })

  it('takes an app’s own catalog, and a catalog without error words falls back to English', () => {
    const error = { code: 'rate_limited' as const, message: 'Too many requests.' }
    const own = { errorMessage: () => 'Slow down, please.' }
    expect(describeError(error, own)).toBe('Slow down, please.')
    expect(describeError(error, {})).toBe('Too many requests.')
  })
})

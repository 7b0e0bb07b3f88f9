import { screen } from '@testing-library/react'
import { CallButton } from '../../src/components/CallButton.js'
import { defaultMessages, type CallMessages } from '../../src/react/messages.js'
import { ar } from '../../src/locales/ar.js'
import { de } from '../../src/locales/de.js'
import { es } from '../../src/locales/es.js'
import { fr } from '../../src/locales/fr.js'
import { ja } from '../../src/locales/ja.js'
import { ptBR } from '../../src/locales/pt-BR.js'
import { ada, renderWithCalls } from '../components/renderWithCalls.js'

const packs: [string, Partial<CallMessages>][] = [
  ['fr', fr],
  ['de', de],
  ['es', es],
  ['pt-BR', ptBR],
  ['ja', ja],
  ['ar', ar],
]

/** The keypad's letters (ITU E.161) are the same on every phone, so packs leave them to the default. */
const languageNeutral = ['keyLetters']

const shape = (value: unknown): unknown =>
  typeof value === 'function'
    ? 'function'
    : value && typeof value === 'object'
      ? Object.keys(value).sort()
      : typeof value

describe.each(packs)('locale %s', (_code, pack) => {
  it('translates every string the components show, in the same shape', () => {
    const missing = Object.keys(defaultMessages).filter(
      (key) => !(key in pack) && !languageNeutral.includes(key),
    )
    expect(missing).toEqual([])
    for (const [key, value] of Object.entries(defaultMessages)) {
      if (languageNeutral.includes(key)) continue
      expect(shape(pack[key as keyof CallMessages]), key).toEqual(shape(value))
    }
  })

  it('words every outcome, error code and state, never in English', () => {
    for (const outcome of [
      'completed',
      'busy',
      'no-answer',
      'voicemail',
      'canceled',
      'declined',
      'missed',
    ] as const)
      expect(pack.ended!(outcome)).not.toBe(defaultMessages.ended(outcome))
    expect(
      pack.errorMessage!({ code: 'timeout', message: 'The phone system did not answer in time.' }),
    ).not.toMatch(/did not answer/)
    expect(pack.call).not.toBe(defaultMessages.call)
  })
})

it('a pack is what CallProvider takes: the Arabic CallButton says whom it calls in Arabic', () => {
  renderWithCalls(<CallButton phoneNumber="+14165550199" associatedObject={ada} />, {
    provider: { messages: ar },
  })
  expect(screen.getByRole('button', { name: 'الاتصال بـ Ada Lovelace' })).toHaveTextContent('اتصال')
})

import { screen } from '@testing-library/react'
import { CallButton } from '../../src/components/CallButton.js'
import { defaultMessages, type CallMessages } from '../../src/react/messages.js'
import { defaultCallLogMessages, type CallLogMessages } from '../../src/react/callLogMessages.js'
import { ar, arCallLog } from '../../src/locales/ar.js'
import { de, deCallLog } from '../../src/locales/de.js'
import { es, esCallLog } from '../../src/locales/es.js'
import { fr, frCallLog } from '../../src/locales/fr.js'
import { ja, jaCallLog } from '../../src/locales/ja.js'
import { ptBR, ptBRCallLog } from '../../src/locales/pt-BR.js'
import { ada, renderWithCalls } from '../components/renderWithCalls.js'

const packs: [string, Partial<CallMessages>, Partial<CallLogMessages>][] = [
  ['fr', fr, frCallLog],
  ['de', de, deCallLog],
  ['es', es, esCallLog],
  ['pt-BR', ptBR, ptBRCallLog],
  ['ja', ja, jaCallLog],
  ['ar', ar, arCallLog],
]

/**
 * The keypad's letters (ITU E.161) are the same on every phone, and a call's time follows the
 * browser's locale, so packs leave them to the default.
 */
const languageNeutral = ['keyLetters', 'time']

const shape = (value: unknown): unknown =>
  typeof value === 'function'
    ? 'function'
    : value && typeof value === 'object'
      ? Object.keys(value).sort()
      : typeof value

describe.each(packs)('locale %s', (_code, pack, callLog) => {
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

  it('translates every string of the call log (wrap-up, recent calls), in the same shape', () => {
    const log = callLog as Record<string, unknown>
    const missing = Object.keys(defaultCallLogMessages).filter(
      (key) => !(key in log) && !languageNeutral.includes(key),
    )
    expect(missing).toEqual([])
    for (const [key, value] of Object.entries(defaultCallLogMessages)) {
      if (languageNeutral.includes(key)) continue
      expect(shape(log[key]), key).toEqual(shape(value))
    }
    for (const key of ['wrapUp', 'save', 'skip', 'recentCalls', 'noRecentCalls'] as const)
      expect(callLog[key], key).not.toBe(defaultCallLogMessages[key])
    expect(callLog.logWhom!('Ada')).not.toBe(defaultCallLogMessages.logWhom('Ada'))
    // The log's errors are worded like the components' ones.
    const timeout = {
      code: 'timeout' as const,
      message: 'The phone system did not answer in time.',
    }
    expect(callLog.errorMessage!(timeout)).toBe(pack.errorMessage!(timeout))
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

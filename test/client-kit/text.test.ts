import { describe, expect, it } from 'vitest'
import {
  digitsOf,
  formatDuration,
  isRecord,
  isText,
  messageOf,
  preview,
} from '../../src/client-kit/index.js'

describe('text helpers', () => {
  it('isRecord is true for plain objects only', () => {
    expect(isRecord({})).toBe(true)
    for (const value of [null, [], 'x', 1, undefined]) expect(isRecord(value)).toBe(false)
  })

  it('isText is true for non-empty strings only', () => {
    expect(isText('a')).toBe(true)
    for (const value of ['', 1, null]) expect(isText(value)).toBe(false)
  })

  it('messageOf reads an Error’s message or the value as text', () => {
    expect(messageOf(new Error('boom'))).toBe('boom')
    expect(messageOf('plain')).toBe('plain')
    expect(messageOf(42)).toBe('42')
  })

  it('digitsOf keeps the digits of a number', () => {
    expect(digitsOf('+1 (416) 555-0199')).toBe('14165550199')
    expect(digitsOf(undefined)).toBeUndefined()
  })

  it('formatDuration reads ms under a second, seconds above', () => {
    expect(formatDuration(800)).toBe('800 ms')
    expect(formatDuration(15_000)).toBe('15 s')
  })

  it('preview cuts long values and survives values JSON cannot write', () => {
    expect(preview({ a: 1 })).toBe('{"a":1}')
    expect(preview('x'.repeat(10), 4)).toBe('xxxx…')
    const loop: Record<string, unknown> = {}
    loop.self = loop
    expect(preview(loop)).toBe('[object Object]')
  })
})

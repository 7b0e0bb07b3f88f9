import { describe, expect, it, vi } from 'vitest'
import { createClientLogger, createEventHub } from '../../src/client-kit/index.js'

const quietLogger = () => ({ debug: vi.fn(), warn: vi.fn() })

describe('createEventHub', () => {
  it('hands each event to every listener in subscription order', () => {
    const hub = createEventHub<number>(createClientLogger('test', quietLogger()))
    const seen: string[] = []
    hub.subscribe((n) => seen.push(`a${n}`))
    hub.subscribe((n) => seen.push(`b${n}`))
    hub.emit(1)
    expect(seen).toEqual(['a1', 'b1'])
  })

  it('isolates a throwing listener: the others still get every event, and it is reported once', () => {
    const logger = quietLogger()
    const hub = createEventHub<number>(createClientLogger('tether', logger))
    const seen: number[] = []
    hub.subscribe(() => {
      throw new Error('broken banner')
    })
    hub.subscribe((n) => seen.push(n))
    hub.emit(1)
    hub.emit(2)
    expect(seen).toEqual([1, 2])
    expect(logger.warn).toHaveBeenCalledTimes(1)
    expect(logger.warn.mock.calls[0]![0]).toMatch(/^\[tether\] a subscriber threw/)
    expect((logger.warn.mock.calls[0]![1] as Error).message).toBe('broken banner')
  })

  it('stops delivering after unsubscribe, also for a listener unsubscribed during delivery', () => {
    const hub = createEventHub<number>(createClientLogger('test', quietLogger()))
    const seen: string[] = []
    let offB = () => {}
    hub.subscribe((n) => {
      seen.push(`a${n}`)
      offB()
    })
    offB = hub.subscribe((n) => seen.push(`b${n}`))
    hub.emit(1)
    hub.emit(2)
    expect(seen).toEqual(['a1', 'b1', 'a2'])
  })

  it('gives one unsubscribe per subscription, even for the same function', () => {
    const hub = createEventHub<number>(createClientLogger('test', quietLogger()))
    const listener = vi.fn()
    const off1 = hub.subscribe(listener)
    hub.subscribe(listener)
    off1()
    off1()
    hub.emit(1)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(hub.size).toBe(1)
    hub.clear()
    expect(hub.size).toBe(0)
  })
})

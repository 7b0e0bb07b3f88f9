import { describe, expect, it } from 'vitest'
import { linkSignals } from '../../src/client-kit/index.js'

describe('linkSignals', () => {
  it('aborts when any signal does, and is aborted at once by an aborted one', () => {
    const a = new AbortController()
    const linked = linkSignals([a.signal, undefined])
    expect(linked.signal.aborted).toBe(false)
    a.abort()
    expect(linked.signal.aborted).toBe(true)
    const done = new AbortController()
    done.abort()
    expect(linkSignals([done.signal]).signal.aborted).toBe(true)
  })

  it('stops following the signals once unlinked', () => {
    const a = new AbortController()
    const linked = linkSignals([a.signal])
    linked.unlink()
    a.abort()
    expect(linked.signal.aborted).toBe(false)
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { documentVisibility } from '../../src/client-kit/index.js'

const setHidden = (hidden: boolean) => {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  })
  document.dispatchEvent(new Event('visibilitychange'))
}

afterEach(() => {
  vi.unstubAllGlobals()
  Reflect.deleteProperty(document, 'visibilityState')
})

describe('documentVisibility', () => {
  it('follows document.visibilityState and its changes', () => {
    const page = documentVisibility()!
    const seen: boolean[] = []
    const off = page.subscribe((hidden) => seen.push(hidden))
    setHidden(true)
    expect(page.isHidden()).toBe(true)
    setHidden(false)
    off()
    setHidden(true)
    expect(seen).toEqual([true, false])
  })

  it('is undefined where there is no document', () => {
    vi.stubGlobal('document', undefined)
    expect(documentVisibility()).toBeUndefined()
  })
})

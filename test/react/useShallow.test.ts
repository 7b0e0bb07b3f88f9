import { shallowEqual } from '../../src/react/useShallow.js'

describe('shallowEqual (the comparison behind useCallStore and useInteractions)', () => {
  const item = { id: 'sim-1' }

  it('treats arrays, objects, Maps and Sets of the same items as equal', () => {
    expect(shallowEqual([item, 1], [item, 1])).toBe(true)
    expect(shallowEqual({ a: item, b: 1 }, { a: item, b: 1 })).toBe(true)
    expect(shallowEqual(new Map([['a', item]]), new Map([['a', item]]))).toBe(true)
    expect(shallowEqual(new Set([item]), new Set([item]))).toBe(true)
    expect(shallowEqual(Number.NaN, Number.NaN)).toBe(true)
  })

  it('compares one level only, by identity', () => {
    expect(shallowEqual([{ id: 'sim-1' }], [{ id: 'sim-1' }])).toBe(false)
    expect(shallowEqual([[1], [2]], [[1], [2]])).toBe(false)
    expect(shallowEqual([1, [2]], [[1], 2])).toBe(false)
    expect(shallowEqual({ a: [1] }, { a: [1] })).toBe(false)
  })

  it('tells apart different items, lengths, keys and kinds', () => {
    expect(shallowEqual([1, 2], [1, 2, 3])).toBe(false)
    expect(shallowEqual({ a: 1 }, { b: 1 })).toBe(false)
    expect(shallowEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(shallowEqual([], {})).toBe(false)
    expect(shallowEqual(new Map([['a', 1]]), new Map([['a', 2]]))).toBe(false)
    expect(shallowEqual(new Set([1]), [1])).toBe(false)
    expect(shallowEqual(null, {})).toBe(false)
    expect(shallowEqual(1, '1')).toBe(false)
  })
})

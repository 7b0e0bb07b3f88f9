import { createSimulatedClient } from '../../src/clients/simulated/index.js'
import { parseDialString } from '../../src/core/parseDialString.js'
import { quoteInput } from '../../src/core/quoteInput.js'
import { validateAssociatedObject } from '../../src/core/validateAssociatedObject.js'

const record = {
  id: 'c-1',
  type: 'contact',
  displayName: 'Ada Lovelace',
  displayType: 'Contact',
}

describe('quoteInput', () => {
  it('quotes the first 40 characters, then …, and never cuts a character in two', () => {
    expect(quoteInput('+1 416 555 0199')).toBe('+1 416 555 0199')
    expect(quoteInput('9'.repeat(40))).toBe('9'.repeat(40))
    expect(quoteInput('9'.repeat(41))).toBe(`${'9'.repeat(40)}…`)
    // 41 emoji are 82 UTF-16 units: the cut falls between two of them.
    expect(quoteInput('😀'.repeat(41))).toBe(`${'😀'.repeat(40)}…`)
  })
})

describe('a 1 MB input in an error message', () => {
  const huge = `+1 ${'4'.repeat(1_000_000)}`

  it.each([
    ['too long', huge],
    ['not a number', `ada${'@'.repeat(1_000_000)}`],
    ['without a country code', `555${' '.repeat(10)}${'1'.repeat(500)}`],
  ])('is quoted at most 40 characters long (%s)', (_, input) => {
    const result = parseDialString(input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.message.length).toBeLessThan(200)
    expect(result.error.message).toContain(`“${input.trim().slice(0, 40)}…”`)
  })

  it('leaves a client as a short error before any request', async () => {
    const client = createSimulatedClient()
    const result = await client.startCall(huge)
    expect(result.status).toBe('error')
    if (result.status === 'error') expect(result.error.message!.length).toBeLessThan(200)
    const tones = await client.sendDtmf('sim-1', 'A'.repeat(1_000_000))
    expect(tones.status === 'error' && tones.error.message!.length).toBeLessThan(200)
    expect(client.control.requests).toHaveLength(0)
    client.dispose()
  })
})

describe('customFields that JSON would send as {}', () => {
  class Fields {
    crmUrl = 'https://crm.example/c-1'
  }

  it.each([
    ['a Map', new Map([['crmUrl', 'https://crm.example/c-1']]), 'not a Map'],
    ['an array', [['crmUrl', 'https://crm.example/c-1']], 'not an array'],
    ['a class instance', new Fields(), 'not a Fields'],
  ])('refuses %s with a message', (_, customFields, says) => {
    const result = validateAssociatedObject({ ...record, customFields })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.fields.customFields).toContain('customFields must be a plain object of text')
    expect(result.fields.customFields).toContain(says)
  })

  it('is refused by a client before any request, never sent as {}', async () => {
    const client = createSimulatedClient()
    const result = await client.startCall('+14165550199', {
      ...record,
      customFields: new Map([['crmUrl', 'x']]) as unknown as Record<string, string>,
    })
    expect(result).toMatchObject({ status: 'error', error: { code: 'invalid_argument' } })
    expect(client.control.requests).toHaveLength(0)
    client.dispose()
  })

  it('accepts a plain object and one without a prototype', () => {
    expect(validateAssociatedObject({ ...record, customFields: { a: 'b' } }).ok).toBe(true)
    const bare = Object.assign(Object.create(null) as Record<string, string>, { a: 'b' })
    expect(validateAssociatedObject({ ...record, customFields: bare }).ok).toBe(true)
  })
})

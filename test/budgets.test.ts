// @vitest-environment node
import { readdirSync } from 'node:fs'

describe('size budgets', () => {
  it('every provider client has its budgeted line, so a lost line cannot pass CI unnoticed', async () => {
    const { default: lines } = (await import('../.size-limit.mjs' as string)) as {
      default: { name: string; limit?: string }[]
    }
    const budgeted = lines.filter((line) => line.limit !== undefined).map((line) => line.name)
    const clients = readdirSync('src/clients').filter((name) => name !== 'simulated')
    expect(clients.length).toBeGreaterThan(3)
    for (const client of clients)
      expect(budgeted.filter((name) => name.startsWith(`client ${client}`))).toHaveLength(1)
  })
})

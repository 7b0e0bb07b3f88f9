// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const SERVER = resolve('src/server')

/** Every module the server helper imports from outside its own folder, as a path from `src/`. */
function outsideImports(): string[] {
  const found = new Set<string>()
  for (const file of readdirSync(SERVER, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue
    const path = join(SERVER, file)
    const source = readFileSync(path, 'utf8')
    for (const [, specifier] of source.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = relative(resolve('src'), resolve(dirname(path), specifier!))
      if (!target.startsWith('server/')) found.add(target)
    }
  }
  return [...found].sort()
}

describe('the server helper', () => {
  it('imports only the core, the client kit and the DialStack protocol: nothing of a browser client', () => {
    const imports = outsideImports()
    expect(imports.length).toBeGreaterThan(0)
    const allowed = /^(core|client-kit|clients\/dialstack\/protocol)\//
    expect(imports.filter((path) => !allowed.test(path))).toEqual([])
  })
})

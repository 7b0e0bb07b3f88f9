// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  )
}

const importsOf = (source: string) =>
  [...source.matchAll(/(?<![\w'"`])(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!)

describe('framework-free layers', () => {
  it.each(['src/core', 'src/client-kit', 'src/clients', 'src/server'])(
    '%s imports no React and nothing from the React layers',
    (dir) => {
      const offenders = files(dir).flatMap((file) =>
        importsOf(readFileSync(file, 'utf8'))
          .filter((spec) =>
            /^(react|react-dom)(\/|$)|^@tanstack\/react-query|\/(react|components)\//.test(spec),
          )
          .map((spec) => `${file} → ${spec}`),
      )
      expect(offenders).toEqual([])
    },
  )

  it('src/core imports only zustand/vanilla from outside itself', () => {
    const external = files('src/core').flatMap((file) =>
      importsOf(readFileSync(file, 'utf8')).filter((s) => !s.startsWith('.')),
    )
    expect(new Set(external)).toEqual(new Set(['zustand/vanilla']))
  })
})

import { existsSync, readFileSync } from 'node:fs'
import {
  findPrivatePointers,
  findRelativeReadmeLinks,
  findUndocumentedExports,
  forbidden,
} from '../scripts/check-docs.mjs'

const flags = (line: string) =>
  (forbidden as { pattern: RegExp }[]).some(({ pattern }) => pattern.test(line))

describe('docs a newcomer can trust', () => {
  it('the README, docs/ and every source comment point at nothing outside the repository', () => {
    expect(findPrivatePointers(['README.md', 'docs', 'src'])).toEqual([])
  })

  it('the stories and their docs text, read by newcomers too, point at nothing outside the repository', () => {
    expect(
      findPrivatePointers(['stories', '.storybook/main.ts', '.storybook/preview.tsx']),
    ).toEqual([])
  })

  it('every README link is absolute, so it works on the npm page', () => {
    expect(findRelativeReadmeLinks()).toEqual([])
  })

  it('every name a package entry exports is named in the README or docs/', () => {
    expect(findUndocumentedExports()).toEqual([])
  })

  it('every screenshot the README shows is committed in docs/screenshots', () => {
    const images = [
      ...readFileSync('README.md', 'utf8').matchAll(/\/main\/(docs\/screenshots\/[\w.-]+\.png)/g),
    ].map((match) => match[1]!)
    expect(images.length).toBeGreaterThan(10)
    expect(images.filter((path) => !existsSync(path))).toEqual([])
  })

  it('flags private pointers and leaves ordinary words and module paths alone', () => {
    for (const line of [
      'the default follows PROVIDERS.md §E',
      '(PROVIDERS D.4 assumption)',
      "with the seed's own error texts",
      'Seed 004 security notes',
      'see ../shared/DESIGN.md',
      'as DESIGN.md says',
      'the issue asks for 3 kB',
    ])
      expect(flags(line), line).toBe(true)
    for (const line of [
      "import { isRecord } from '../shared/isRecord.js'",
      'const [seeded, setSeeded] = useState(false)',
      'one folder per provider',
    ])
      expect(flags(line), line).toBe(false)
  })
})

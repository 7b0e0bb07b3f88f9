#!/usr/bin/env node
/**
 * The docs a newcomer reads, and the package a user installs, stand on their own: no README line,
 * doc, source comment or published file (`dist/`, `.d.ts` included) points at material outside
 * the repository (working notes, the original vendor documents, tracker numbers), and every link
 * in the README is absolute so it also works on the npm page.
 *
 *   node scripts/check-docs.mjs          README.md, docs/, src/ and, when built, dist/
 *
 * The unit suite runs the same check over the sources (test/docs.test.ts), so a change is caught
 * before it is built.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** What must never appear, and why a reader would be lost. */
export const forbidden = [
  {
    pattern: /\bseeds?\b|\bseed['’]s\b/i,
    why: 'names the original documents, not in the repository',
  },
  { pattern: /\bissues?\b|\bissue['’]s\b/i, why: 'names a tracker item the reader cannot see' },
  { pattern: /\bPROVIDERS\b(\.md)?/, why: 'names a file outside the repository' },
  { pattern: /\bDESIGN\.md\b|\bTOOLCHAIN\.md\b/, why: 'names a file outside the repository' },
  // `../shared/logger.js` is a module of the clients; `../shared` alone or with a .md is a folder outside.
  {
    pattern: /\.\.\/shared\b(?!\/[\w-]+\.(?:js|ts|d\.ts)\b)/,
    why: 'points outside the repository',
  },
]

// Run from the repository's root, as npm scripts and Vitest do.
const root = process.cwd()

function* files(path) {
  if (!existsSync(path)) return
  if (statSync(path).isFile()) {
    yield path
    return
  }
  for (const entry of readdirSync(path)) yield* files(join(path, entry))
}

/** Every forbidden mention under `paths` (files or folders, relative to the repository). */
export function findPrivatePointers(paths) {
  const found = []
  for (const path of paths) {
    for (const file of files(join(root, path))) {
      if (!/\.(md|ts|tsx|js|mjs|css|json)$/.test(file)) continue
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          for (const { pattern, why } of forbidden) {
            const match = pattern.exec(line)
            if (match)
              found.push(
                `${relative(root, file)}:${index + 1}: "${match[0]}" ${why}: ${line.trim()}`,
              )
          }
        })
    }
  }
  return found
}

/** README links that only work inside the repository (relative paths), not on the npm page. */
export function findRelativeReadmeLinks() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  return [...readme.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^(https?:|mailto:|#)/.test(target))
    .map((target) => `README.md: relative link "${target}" is broken on the npm page`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problems = [
    ...findPrivatePointers(['README.md', 'docs', 'src', 'dist']),
    ...findRelativeReadmeLinks(),
  ]
  if (!existsSync(join(root, 'dist'))) problems.push('dist/ is missing: run `npm run build` first')
  for (const problem of problems) console.error(problem)
  console.log(
    problems.length ? `${problems.length} problems` : 'docs and package: no private pointers',
  )
  process.exit(problems.length ? 1 : 0)
}

#!/usr/bin/env node
/**
 * The docs a newcomer reads, and the package a user installs, stand on their own: no README line,
 * doc, source comment or published file (`dist/`, `.d.ts` included) points at material outside
 * the repository (working notes, the original vendor documents, tracker numbers), every link
 * in the README is absolute so it also works on the npm page, and every name an entry of the
 * package exports (values and types) is named in the README or docs/, so nothing becomes public
 * API without a line saying what it is for.
 *
 *   node scripts/check-docs.mjs          README.md, docs/, src/ and, when built, dist/
 *
 * The unit suite runs the same check over the sources (test/docs.test.ts), so a change is caught
 * before it is built.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { entries } from './entries.js'

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

/**
 * The names an entry's source file exports, read from its syntax (barrels name their exports).
 * An `export *` cannot be checked, so it is reported as a problem instead.
 */
export function exportedNames(file) {
  const source = ts.createSourceFile(
    file,
    readFileSync(join(root, file), 'utf8'),
    ts.ScriptTarget.Latest,
  )
  const names = []
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (!statement.exportClause) names.push('*')
      else if (ts.isNamedExports(statement.exportClause))
        names.push(...statement.exportClause.elements.map((element) => element.name.text))
      continue
    }
    const exported = ts
      .getModifiers?.(statement)
      ?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
    if (!exported) continue
    if (ts.isVariableStatement(statement))
      names.push(...statement.declarationList.declarations.map((d) => d.name.getText(source)))
    else if (statement.name) names.push(statement.name.text)
  }
  return names
}

/**
 * The names the README and docs/ document: those a code span starts with (`useDialpad`,
 * `useStartCall(options?)`, `<CallProvider …>`), so a word that only appears inside another
 * name's example does not count.
 */
function documentedNames() {
  const markdown = [
    'README.md',
    ...[...files(join(root, 'docs'))]
      .filter((file) => file.endsWith('.md'))
      .map((file) => relative(root, file)),
  ]
  const names = new Set()
  for (const file of markdown) {
    const text = readFileSync(join(root, file), 'utf8').replace(/^```[\s\S]*?^```/gm, '')
    for (const [, span] of text.matchAll(/`([^`\n]+)`/g)) {
      const name = /^<?([A-Za-z_$][\w$]*)/.exec(span.trim())
      if (name) names.add(name[1])
    }
  }
  return names
}

/** Every exported name of every package entry that the README and docs/ do not name. */
export function findUndocumentedExports() {
  const documented = documentedNames()
  const problems = []
  for (const [entry, file] of Object.entries(entries)) {
    const subpath = entry === 'index' ? '.' : `./${entry.replace(/\/index$/, '')}`
    for (const name of exportedNames(file)) {
      if (name === '*')
        problems.push(`${file}: \`export *\` hides what ${subpath} exports; name the exports`)
      else if (!documented.has(name))
        problems.push(
          `${file}: ${subpath} exports \`${name}\`, which neither the README nor docs/ names: document what it is for (docs/api.md), or stop exporting it`,
        )
    }
  }
  return problems
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problems = [
    ...findPrivatePointers(['README.md', 'docs', 'src', 'dist']),
    ...findRelativeReadmeLinks(),
    ...findUndocumentedExports(),
  ]
  if (!existsSync(join(root, 'dist'))) problems.push('dist/ is missing: run `npm run build` first')
  for (const problem of problems) console.error(problem)
  console.log(
    problems.length
      ? `${problems.length} problems`
      : 'docs and package: no private pointers, every export documented',
  )
  process.exit(problems.length ? 1 : 0)
}

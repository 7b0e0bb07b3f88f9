#!/usr/bin/env node
/**
 * Proves, on the built package, that no browser entry can send a DialStack secret: every file a
 * browser entry reaches (dist/ except dist/server) is free of the `DialStack-Account` header,
 * of secret-key patterns, and of imports of the server code. Fails with the offending file.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'

const dist = process.argv[2] ?? 'dist'
const FORBIDDEN = [
  [/DialStack-Account/i, 'the DialStack-Account header (sent only by react-click-to-call/server)'],
  [/\bsk_(live|test)_/, 'a DialStack secret-key prefix'],
  [/account_sessions/, 'the session-minting endpoint (server only)'],
]

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? files(path) : entry.name.endsWith('.js') ? [path] : []
  })
}

const server = normalize(join(dist, 'server'))
const problems = []
const browserFiles = files(dist).filter((file) => !file.startsWith(server))
for (const file of browserFiles) {
  const source = readFileSync(file, 'utf8')
  for (const [pattern, what] of FORBIDDEN)
    if (pattern.test(source)) problems.push(`${file}: contains ${what}`)
  for (const [, spec] of source.matchAll(/from\s*["']([^"']+)["']/g)) {
    if (spec.startsWith('.') && normalize(join(dirname(file), spec)).startsWith(server)) {
      problems.push(`${file}: imports server code (${spec})`)
    }
  }
}
const serverSends = files(server).some((file) =>
  /DialStack-Account/.test(readFileSync(file, 'utf8')),
)
if (!serverSends)
  problems.push(
    `${server}: no file sends DialStack-Account, so this check looks in the wrong place`,
  )

if (problems.length) {
  console.error(
    `Browser bundles that could leak a DialStack secret:\n${problems.map((p) => `  ${p}`).join('\n')}`,
  )
  process.exit(1)
}
console.log(
  `${browserFiles.length} browser files checked: no DialStack-Account header, secret key or server import.`,
)

#!/usr/bin/env node
/** Packs the package as npm would publish it, then checks the tarball with publint and attw. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'rcc-pack-'))
try {
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { encoding: 'utf8' }),
  )
  const tarball = join(dir, filename)
  execFileSync('npx', ['publint', '--strict', tarball], { stdio: 'inherit' })
  // A stylesheet has no types to resolve: attw checks the JavaScript entries.
  execFileSync(
    'npx',
    ['attw', '--pack', '--profile', 'esm-only', '--exclude-entrypoints', './styles.css', tarball],
    { stdio: 'inherit' },
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}

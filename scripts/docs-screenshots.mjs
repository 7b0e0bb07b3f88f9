#!/usr/bin/env node
/**
 * Copies the screenshots the README shows from the e2e run's output (`screenshots/components/`,
 * written by `npx playwright test`) to `docs/screenshots/`, which is committed and published, so
 * the README's images are the components as the tests last saw them.
 *
 *   npm run build-storybook && npx playwright test test/e2e/screenshots.spec.ts
 *   node scripts/docs-screenshots.mjs
 *
 * The README is the list: every `docs/screenshots/<name>.png` it links is copied from
 * `screenshots/components/<name>.png`; a missing source fails with its name.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'

const names = [
  ...new Set(
    [...readFileSync('README.md', 'utf8').matchAll(/docs\/screenshots\/([\w.-]+\.png)/g)].map(
      (match) => match[1],
    ),
  ),
]
mkdirSync('docs/screenshots', { recursive: true })
const missing = names.filter((name) => !existsSync(`screenshots/components/${name}`))
if (missing.length) {
  console.error(
    `Not in screenshots/components/ (run the e2e screenshots first): ${missing.join(', ')}`,
  )
  process.exit(1)
}
for (const name of names) copyFileSync(`screenshots/components/${name}`, `docs/screenshots/${name}`)
console.log(`Copied ${names.length} screenshots to docs/screenshots/.`)

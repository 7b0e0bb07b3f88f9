import { readFileSync } from 'node:fs'

/** The README's Quick start code, exactly as a newcomer copies it: the first `tsx` block under "## Quick start". */
export function readmeQuickStart(readme = readFileSync('README.md', 'utf8')) {
  const section = readme.split(/^## Quick start$/m)[1]
  const code = section?.match(/```tsx\n([\s\S]*?)```/)?.[1]
  if (!code) throw new Error('README.md has no tsx block under "## Quick start".')
  return code
}

/**
 * Builds what the benchmarks run, with Vite (production mode), from the library's source: a Node
 * module for the store bench and peers, and browser pages for Chromium. `react-click-to-call` and
 * its subpaths resolve to `src/` through the same entry list the package build uses.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { URL, fileURLToPath, pathToFileURL } from 'node:url'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import { entries } from '../../scripts/entries.js'

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)))

/** `react-click-to-call[/subpath]` → the entry's source file. */
export function packageAliases() {
  return Object.entries(entries).map(([output, source]) => {
    const subpath = output === 'index' ? '' : `/${output.replace(/\/index$/, '')}`
    return {
      find: new RegExp(`^react-click-to-call${subpath.replace(/[/-]/g, '\\$&')}$`),
      replacement: join(root, source),
    }
  })
}

const made = []
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

/** A fresh directory for build output, under the OS temp dir, removed when the process exits. */
export function outDir(name) {
  const dir = mkdtempSync(join(tmpdir(), `rcc-bench-${name}-`))
  made.push(dir)
  return dir
}

/**
 * Keeps each source module's own `import.meta.url` in the bundle: the test peers read their
 * vendors' samples relative to their file (test/fixtures/…), which the temporary output directory
 * would otherwise break.
 */
const sourceUrls = {
  name: 'source-import-meta-url',
  transform(code, id) {
    if (!id.startsWith(join(root, 'test')) || !code.includes('import.meta.url')) return null
    return code.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(id).href))
  },
}

/** Bundles a TypeScript module for Node (dependencies included). Resolves to the output file. */
export async function buildNodeModule(entry, name) {
  const dir = outDir(name)
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    resolve: { alias: packageAliases() },
    plugins: [sourceUrls],
    ssr: { noExternal: true },
    build: {
      ssr: join(root, entry),
      outDir: dir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: `${name}.mjs` } },
    },
  })
  return join(dir, `${name}.mjs`)
}

/**
 * Builds HTML pages under `bench/pages` for the browser, minified, in production mode.
 * `profiling: true` swaps in React's profiling build, so `<Profiler>` counts renders as in
 * production (React's production build never calls `onRender`).
 */
export async function buildPages(pages, { profiling = false } = {}) {
  const dir = outDir(profiling ? 'pages-profiling' : 'pages')
  const alias = [...packageAliases()]
  if (profiling) alias.push({ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' })
  await build({
    configFile: false,
    root: join(root, 'bench/pages'),
    base: './',
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    plugins: [react()],
    resolve: { alias },
    build: {
      outDir: dir,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: {
        input: Object.fromEntries(
          pages.map((page) => [page, join(root, 'bench/pages', `${page}.html`)]),
        ),
      },
    },
  })
  return dir
}

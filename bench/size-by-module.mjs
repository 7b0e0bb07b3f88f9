/**
 * Where the bytes of a size line go, module by module, measured on the sources (no build):
 *
 *   node bench/size-by-module.mjs <line>     lines: headless, root, simulated, bright-pattern,
 *                                            tether, dialstack, genesys
 *
 * Bundles like .size-limit.mjs does (esbuild, minified, production `process.env.NODE_ENV`,
 * peers external; a client line leaves `core/` out), prints the gzip size of the whole line,
 * then each module's minified bytes in it. Figures come within about 0.15 kB of the built package's
 * (`npx size-limit`, which CI gates).
 */
import * as esbuild from 'esbuild'
import path from 'node:path'
import { URL, fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const src = fileURLToPath(new URL('../src', import.meta.url))
const peers = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  'react-dom/client',
  '@tanstack/react-query',
  'cometd',
]
const clients = ['simulated', 'bright-pattern', 'tether', 'dialstack', 'genesys']
const lines = {
  headless: `export { CallProvider, useStartCall } from '${src}/index.ts'; export { createSimulatedClient } from '${src}/clients/simulated/index.ts'`,
  root: `export * from '${src}/index.ts'`,
  ...Object.fromEntries(
    clients.map((client) => [client, `export * from '${src}/clients/${client}/index.ts'`]),
  ),
}

const which = process.argv[2]
if (!(which in lines)) {
  console.error(`usage: node bench/size-by-module.mjs <${Object.keys(lines).join('|')}>`)
  process.exit(2)
}
const coreExternal = clients.includes(which)
const leaveCoreOut = {
  name: 'core-external',
  setup(build) {
    build.onResolve({ filter: /\/core\// }, (args) =>
      coreExternal && path.resolve(args.resolveDir, args.path).startsWith(`${src}/core/`)
        ? { path: args.path, external: true }
        : undefined,
    )
  },
}
const result = await esbuild.build({
  stdin: { contents: lines[which], resolveDir: src, loader: 'ts' },
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  metafile: true,
  external: peers,
  target: 'es2022',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [leaveCoreOut],
  logLevel: 'error',
})
const output = result.outputFiles[0].contents
console.log(
  `${which}${coreExternal ? ' (core/ left out)' : ''}: ${output.length} B minified, ${(gzipSync(output).length / 1000).toFixed(2)} kB gzip`,
)
const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
for (const [file, { bytesInOutput }] of inputs.sort(
  (a, b) => b[1].bytesInOutput - a[1].bytesInOutput,
)) {
  if (bytesInOutput > 0)
    console.log(
      String(bytesInOutput).padStart(7),
      file.replace(/^.*?\b(src|node_modules)\//, '$1/'),
    )
}

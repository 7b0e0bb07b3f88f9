/**
 * What each client adds to an app that already uses the components (the root entry): `npm run
 * bench` subtracts the first line from the others. Measured like .size-limit.mjs (esbuild,
 * minified, gzip, peers external), on the built package in dist/.
 */
import { URL, fileURLToPath } from 'node:url'

const dist = process.env.RCC_DIST ?? fileURLToPath(new URL('../dist', import.meta.url))
const peers = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  'react-dom/client',
  '@tanstack/react-query',
]
/** Each client's factory, as an app imports it. */
const clients = {
  simulated: 'createSimulatedClient',
  'bright-pattern': 'createBrightPatternClient',
  tether: 'createTetherClient',
  dialstack: 'createDialStackClient',
  genesys: 'createGenesysClient',
}

/** An app's production build, like .size-limit.mjs: developer-only text is dropped. */
const modifyEsbuildConfig = (config) => ({
  ...config,
  define: { ...config.define, 'process.env.NODE_ENV': '"production"' },
})

export default [
  {
    name: 'root',
    import: { [`${dist}/index.js`]: '*' },
    ignore: peers,
    gzip: true,
    modifyEsbuildConfig,
  },
  ...Object.entries(clients).map(([client, factory]) => ({
    name: client,
    import: { [`${dist}/index.js`]: '*', [`${dist}/clients/${client}/index.js`]: `{ ${factory} }` },
    ignore: client === 'genesys' ? [...peers, 'cometd'] : peers,
    gzip: true,
    modifyEsbuildConfig,
  })),
]

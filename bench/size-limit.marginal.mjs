/**
 * What each client adds to a headless app (`CallProvider` + `useStartCall`): `npm run bench`
 * subtracts the first line from the others. A cross-check of .size-limit.mjs's client lines,
 * which leave out the files the headless line has instead of subtracting. Measured like .size-limit.mjs (esbuild,
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
    name: 'headless',
    import: { [`${dist}/index.js`]: '{ CallProvider, useStartCall }' },
    ignore: peers,
    gzip: true,
    modifyEsbuildConfig,
  },
  ...Object.entries(clients).map(([client, factory]) => ({
    name: client,
    import: {
      [`${dist}/index.js`]: '{ CallProvider, useStartCall }',
      [`${dist}/clients/${client}/index.js`]: `{ ${factory} }`,
    },
    ignore: client === 'genesys' ? [...peers, 'cometd'] : peers,
    gzip: true,
    modifyEsbuildConfig,
  })),
]

/**
 * react-click-to-call: components, headless hooks and the core types. Provider clients are
 * subpath imports (`react-click-to-call/clients/simulated` …), so an app pays only for the one
 * it uses.
 */
export * from './react/index.js'
export * from './components/index.js'

/**
 * The package's entry points: the single list that the build and the size budgets share.
 * Key = output path under dist/ (without .js), value = source file. Keep in step with
 * `exports` in package.json.
 */
export const entries = {
  index: 'src/index.ts',
  'core/index': 'src/core/index.ts',
  'phone/index': 'src/phone/index.ts',
  'call-log/index': 'src/call-log/index.ts',
  'screen-pop/index': 'src/screen-pop/index.ts',
  'caller-id/index': 'src/caller-id/index.ts',
  'tabs/index': 'src/tabs/index.ts',
  'clients/simulated/index': 'src/clients/simulated/index.ts',
  'clients/bright-pattern/index': 'src/clients/bright-pattern/index.ts',
  'clients/tether/index': 'src/clients/tether/index.ts',
  'clients/genesys/index': 'src/clients/genesys/index.ts',
  'clients/dialstack/index': 'src/clients/dialstack/index.ts',
  'server/index': 'src/server/index.ts',
  'locales/fr': 'src/locales/fr.ts',
  'locales/de': 'src/locales/de.ts',
  'locales/es': 'src/locales/es.ts',
  'locales/pt-BR': 'src/locales/pt-BR.ts',
  'locales/ja': 'src/locales/ja.ts',
  'locales/ar': 'src/locales/ar.ts',
}

import type { StorybookConfig } from '@storybook/react-vite'

const config: StorybookConfig = {
  // Stories only: an empty `*.mdx` pattern makes Storybook warn on every start.
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: [
    '@storybook/addon-docs',
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
    'msw-storybook-addon',
  ],
  framework: { name: '@storybook/react-vite', options: {} },
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Opens on the CRM example, not on Storybook's own getting-started checklist.
  features: { sidebarOnboardingChecklist: false },
  // react-docgen reads each component's own props and their JSDoc (fast; the inherited DOM props
  // are not worth a props table), so the docs pages' props tables need no TypeScript program.
  typescript: { reactDocgen: 'react-docgen' },
  async viteFinal(viteConfig) {
    // Storybook merges vite.config.ts: the library's .d.ts plugin must not run for the docs site.
    const plugins = (viteConfig.plugins ?? []).flat().filter((plugin) => {
      const name = plugin && typeof plugin === 'object' && 'name' in plugin ? plugin.name : ''
      return !/dts/i.test(String(name))
    })
    return {
      ...viteConfig,
      plugins,
      build: {
        ...viteConfig.build,
        lib: false,
        // A docs site, not an app: its preview bundles every story, axe and MSW in one chunk, so
        // the app-sized chunk warning says nothing here.
        chunkSizeWarningLimit: 4096,
        rolldownOptions: {
          ...viteConfig.build?.rolldownOptions,
          // Plugin timings depend on the machine's load, not on the config: a busy CI machine
          // would print a warning on every build.
          checks: { ...viteConfig.build?.rolldownOptions?.checks, bundlerTimings: false },
        },
      },
    }
  },
}

export default config

import type { Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import '../src/styles.css'
import { storyCpuThrottle } from './storyCpuThrottle.js'

const preview: Preview = {
  loaders: [mswLoader()],
  // With `STORIES_CPU_THROTTLE` (npm test), the story renders and plays with the CPU slowed; the
  // accessibility check that runs after it (an addon's afterEach, run after this one) does not.
  beforeEach: () => storyCpuThrottle.set(true),
  afterEach: () => storyCpuThrottle.set(false),
  // The components' words in each locale pack the package ships (react-click-to-call/locales/…).
  globalTypes: {
    locale: {
      description: 'Language of the components',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'en', title: 'English' },
          { value: 'fr', title: 'Français' },
          { value: 'de', title: 'Deutsch' },
          { value: 'es', title: 'Español' },
          { value: 'pt-BR', title: 'Português (Brasil)' },
          { value: 'ja', title: '日本語' },
          { value: 'ar', title: 'العربية (right to left)' },
        ],
      },
    },
  },
  initialGlobals: { locale: 'en' },
  tags: ['autodocs'],
  parameters: {
    // Any axe violation fails the story's test (in Storybook and in `npm test`).
    a11y: { test: 'error' },
    controls: { expanded: true, matchers: { color: /(background|color)$/i, date: /Date$/i } },
    options: {
      storySort: {
        order: ['Examples', ['CRM contact page'], 'Components', 'Headless', 'Providers'],
      },
    },
  },
}

export default preview

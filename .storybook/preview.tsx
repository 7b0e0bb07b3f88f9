import type { Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import '../src/styles.css'

const preview: Preview = {
  loaders: [mswLoader()],
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

import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'dist',
      'storybook-static',
      'reports',
      'screenshots',
      'test-results',
      '.storybook/public',
      'node_modules',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/react-query'],
              message: 'src/core is framework-free: no React.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/clients/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                '../../react/*',
                '../../components/*',
                '../../server/*',
              ],
              message: 'Clients are framework-free and never import the server.',
            },
          ],
        },
      ],
    },
  },
  {
    // The client kit serves the browser clients and the server helper alike: no React, no other
    // layer, and no DOM assumption (a page global is read behind a check, see pageVisibility.ts).
    files: ['src/client-kit/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react/*',
                'react-dom/*',
                '@tanstack/*',
                '../react/*',
                '../components/*',
                '../clients/*',
                '../server/*',
              ],
              message: 'src/client-kit is framework-free: it imports only core and itself.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage'].map(
          (name) => ({
            name,
            message: 'src/client-kit makes no DOM assumption: take it as an option instead.',
          }),
        ),
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
)

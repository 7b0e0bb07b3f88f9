import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import dts from 'vite-plugin-dts'
import { entries } from './scripts/entries.js'

/** Modules the library never bundles: peers, runtime dependencies, Node built-ins. */
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\/react-query($|\/)/,
  /^zustand($|\/)/,
  /^libphonenumber-js($|\/)/,
  /^cometd($|\/)/,
  /^node:/,
]

/** Output files that are React client modules (the RSC boundary): the React entries and everything React. */
const isClientModule = (fileName: string) =>
  fileName === 'index.js' ||
  fileName === 'call-log/index.js' ||
  fileName === 'screen-pop/index.js' ||
  fileName === 'caller-id/index.js' ||
  fileName === 'tabs/index.js' ||
  /^(react|components)\//.test(fileName)

export default defineConfig({
  publicDir: false,
  plugins: [
    react(),
    dts({ include: ['src'], exclude: ['**/*.test.*'], entryRoot: 'src', insertTypesEntry: false }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    lib: {
      entry: entries,
      formats: ['es'],
    },
    rollupOptions: {
      external,
      output: {
        // One file per source module, so an app's bundler drops what it does not import.
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        banner: (chunk) => (isClientModule(chunk.fileName) ? "'use client';" : ''),
      },
    },
  },
})

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
  /^eventsource-parser($|\/)/,
  /^node:/,
]

/** Entries whose output is a React client boundary. */
const clientEntries = new Set(['index'])

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
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        banner: (chunk) => (chunk.isEntry && clientEntries.has(chunk.name) ? "'use client';" : ''),
      },
    },
  },
})

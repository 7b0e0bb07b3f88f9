import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  useActiveInteraction,
  useCallClient,
  useCallControls,
  useCallMessages,
  useCallRuntime,
  useCallStore,
  useDialpad,
  useInteraction,
  useInteractions,
  usePhoneNumber,
  useStartCall,
} from '../../src/index.js'

const hooks: [string, () => unknown][] = [
  ['useStartCall', () => useStartCall()],
  ['useInteraction', () => useInteraction('sim-1')],
  ['useActiveInteraction', () => useActiveInteraction()],
  ['useInteractions', () => useInteractions()],
  ['useCallStore', () => useCallStore((state) => state.activeId)],
  ['useDialpad', () => useDialpad()],
  ['useCallControls', () => useCallControls('sim-1')],
  ['useCallRuntime', () => useCallRuntime()],
  ['useCallClient', () => useCallClient()],
  ['useCallMessages', () => useCallMessages()],
  ['usePhoneNumber', () => usePhoneNumber('+14165550199')],
]

beforeEach(() => {
  // React reports the render error it rethrows; the assertion is on the thrown error.
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('hooks outside CallProvider', () => {
  it.each(hooks)('%s throws "`%s` must be used within `CallProvider`."', (name, hook) => {
    expect(() => renderHook(hook)).toThrow(
      new Error(`\`${name}\` must be used within \`CallProvider\`.`),
    )
  })

  it.each(hooks)('%s says so under a QueryClientProvider too', (name, hook) => {
    const queryClient = new QueryClient()
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    )
    expect(() => renderHook(hook, { wrapper })).toThrow(
      `\`${name}\` must be used within \`CallProvider\`.`,
    )
  })
})

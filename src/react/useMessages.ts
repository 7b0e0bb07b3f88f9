import { useMemo } from 'react'
import { useCallContext } from './CallContext.js'
import { defaultMessages, type CallMessages } from './messages.js'

/**
 * The English strings with the provider's `messages` over them. Only components (and hooks that
 * show text) import the catalog, so a headless app never pays for it.
 */
export function useMessages(name: string): CallMessages {
  const { messages } = useCallContext(name)
  return useMemo(
    () => (messages ? { ...defaultMessages, ...messages } : defaultMessages),
    [messages],
  )
}

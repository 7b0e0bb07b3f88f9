import { useMutation } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useStore } from 'zustand'
import type { CallCapabilities, ControlResult } from '../core/CallClient.js'
import { CallError } from '../core/CallError.js'
import { failure } from '../core/result.js'
import type { InteractionAssociatedObject } from '../core/types.js'
import { useCallContext } from './CallContext.js'
import { useMessages } from './useMessages.js'

/** A control of a live call. */
export type CallControl = 'hangup' | 'hold' | 'resume' | 'mute' | 'unmute' | 'sendDtmf' | 'updateAssociatedObject'

/** The capability each control needs. */
const NEEDS: Record<CallControl, keyof CallCapabilities> = {
  hangup: 'hangup',
  hold: 'hold',
  resume: 'hold',
  mute: 'mute',
  unmute: 'mute',
  sendDtmf: 'dtmf',
  updateAssociatedObject: 'updateAssociatedObject',
}

type ControlVariables =
  | { control: 'hangup' | 'hold' | 'resume' | 'mute' | 'unmute' }
  | { control: 'sendDtmf'; digits: string }
  | { control: 'updateAssociatedObject'; object: InteractionAssociatedObject }

export interface UseCallControlsResult {
  /** What this call allows now: the client's capabilities with the call's own over them. */
  capabilities: CallCapabilities
  hangup(): Promise<void>
  hold(): Promise<void>
  resume(): Promise<void>
  /** Mutes (`true`) or unmutes (`false`) the agent's microphone. */
  mute(muted: boolean): Promise<void>
  sendDtmf(digits: string): Promise<void>
  updateAssociatedObject(object: InteractionAssociatedObject): Promise<void>
  /** DTMF digits this call accepted through `sendDtmf`, oldest first (`""` before any). */
  tones: string
  /** Removes the call from the banner (nothing is sent to the provider; it stays in history). */
  dismiss(): void
  /** The control in flight, if any. */
  pending: CallControl | null
  /** The last control's error, until the next control. */
  error: CallError | null
}

/**
 * Hang up, hold, resume, mute and DTMF for one call, gated by what the provider and the call
 * allow. A control the provider lacks resolves with a `not_supported` error instead of throwing.
 *
 * @example
 * const controls = useCallControls(call.id)
 * {controls.capabilities.hold && <button onClick={() => controls.hold()}>Hold</button>}
 */
export function useCallControls(interactionId: string | null | undefined): UseCallControlsResult {
  const { runtime } = useCallContext('useCallControls')
  const messages = useMessages('useCallControls')
  const { client, store } = runtime
  const clientCapabilities = useStore(store, (state) => state.capabilities)
  const callCapabilities = useStore(store, (state) =>
    interactionId == null ? undefined : state.interactions[interactionId]?.capabilities,
  )
  const capabilities = useMemo(
    () => ({ ...clientCapabilities, ...callCapabilities }),
    [clientCapabilities, callCapabilities],
  )

  const mutation = useMutation<null, CallError, ControlVariables>({
    mutationKey: ['react-click-to-call', 'control', client.name, interactionId],
    retry: false,
    mutationFn: async (variables) => {
      const unsupported = () => Promise.resolve<ControlResult>(failure('not_supported', messages.notSupported))
      if (interactionId == null) return null
      // What the provider or this call cannot do now is refused here, before any request.
      if (!capabilities[NEEDS[variables.control]]) throw new CallError('not_supported', messages.notSupported)
      let result: ControlResult
      switch (variables.control) {
        case 'hangup':
          result = await (client.hangup?.(interactionId) ?? unsupported())
          break
        case 'hold':
          result = await (client.hold?.(interactionId) ?? unsupported())
          break
        case 'resume':
          result = await (client.resume?.(interactionId) ?? unsupported())
          break
        case 'mute':
        case 'unmute':
          result = await (client.mute?.(interactionId, variables.control === 'mute') ?? unsupported())
          break
        case 'sendDtmf':
          result = await (client.sendDtmf?.(interactionId, variables.digits) ?? unsupported())
          break
        case 'updateAssociatedObject':
          result = await (client.updateAssociatedObject?.(interactionId, variables.object) ?? unsupported())
          break
      }
      if (result.status === 'error') throw result.error
      return null
    },
  })
  const { mutateAsync } = mutation
  // Tones belong to one call: a new id starts from none.
  const [sent, setSent] = useState<{ id: string | null | undefined; digits: string }>({ id: interactionId, digits: '' })
  const tones = sent.id === interactionId ? sent.digits : ''
  const actions = useMemo(() => {
    // Errors are kept on `error`; the returned promises never reject, so a click handler is safe.
    const run = (variables: ControlVariables) => mutateAsync(variables).then(
      () => undefined,
      () => undefined,
    )
    return {
      hangup: () => run({ control: 'hangup' }),
      hold: () => run({ control: 'hold' }),
      resume: () => run({ control: 'resume' }),
      mute: (muted: boolean) => run({ control: muted ? 'mute' : 'unmute' }),
      sendDtmf: (digits: string) =>
        mutateAsync({ control: 'sendDtmf', digits }).then(
          () =>
            setSent((previous) =>
              previous.id === interactionId ? { id: interactionId, digits: previous.digits + digits } : { id: interactionId, digits },
            ),
          () => undefined,
        ),
      updateAssociatedObject: (object: InteractionAssociatedObject) => run({ control: 'updateAssociatedObject', object }),
      dismiss: () => {
        if (interactionId != null) store.getState().dismiss(interactionId)
      },
    }
  }, [mutateAsync, interactionId, store])
  return {
    capabilities,
    ...actions,
    tones,
    pending: mutation.isPending ? (mutation.variables?.control ?? null) : null,
    error: mutation.error,
  }
}

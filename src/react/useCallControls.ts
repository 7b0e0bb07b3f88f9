import { useMutation } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useStore } from 'zustand'
import type {
  CallCapabilities,
  CallClient,
  ControlResult,
  LiveCallControl,
} from '../core/CallClient.js'
import { CallError } from '../core/CallError.js'
import { findInteraction } from '../core/reduceCallState.js'
import type { InteractionAssociatedObject } from '../core/types.js'
import { useCallContext } from './CallContext.js'
import { useMessages } from './useMessages.js'

/** A control of a live call: the client's, and `unmute` (its `mute(id, false)`). */
export type CallControl = LiveCallControl | 'unmute'

/**
 * A control, the capability it needs, and its client call (`undefined` when the client lacks the
 * method). Typed end to end: a renamed method or capability does not compile.
 */
type ControlVariables = {
  control: CallControl
  needs: keyof CallCapabilities
  call: (client: CallClient, interactionId: string) => Promise<ControlResult> | undefined
}

export interface UseCallControlsResult {
  /** What this call allows now: the client's capabilities with the call's own over them. */
  capabilities: CallCapabilities
  /** Answers a ringing inbound call (capability `answer`). */
  answer(): Promise<void>
  /** Turns down a ringing inbound call (capability `decline`). */
  decline(): Promise<void>
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
 * Answer, decline, hang up, hold, resume, mute and DTMF for one call, gated by what the provider and the call
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
    interactionId == null ? undefined : findInteraction(state, interactionId)?.capabilities,
  )
  const capabilities = useMemo(
    () => ({ ...clientCapabilities, ...callCapabilities }),
    [clientCapabilities, callCapabilities],
  )

  const mutation = useMutation<null, CallError, ControlVariables>({
    mutationKey: ['react-click-to-call', 'control', client.name, interactionId],
    retry: false,
    mutationFn: async ({ needs, call }) => {
      if (interactionId == null) return null
      // What the provider or this call cannot do now is refused here, before any request.
      const request = capabilities[needs] && call(client, interactionId)
      if (!request) throw new CallError('not_supported', messages.notSupported)
      const result = await request
      if (result.status === 'error') throw result.error
      return null
    },
  })
  const { mutateAsync } = mutation
  // Tones belong to one call: a new id starts from none.
  const [sent, setSent] = useState<{ id: string | null | undefined; digits: string }>({
    id: interactionId,
    digits: '',
  })
  const tones = sent.id === interactionId ? sent.digits : ''
  const actions = useMemo(() => {
    // Errors are kept on `error`; the returned promises never reject, so a click handler is safe.
    const run = (
      control: CallControl,
      needs: ControlVariables['needs'],
      call: ControlVariables['call'],
      onDone?: () => void,
    ): Promise<void> =>
      mutateAsync({ control, needs, call }).then(
        () => onDone?.(),
        () => undefined,
      )
    return {
      answer: () => run('answer', 'answer', (client, id) => client.answer?.(id)),
      decline: () => run('decline', 'decline', (client, id) => client.decline?.(id)),
      hangup: () => run('hangup', 'hangup', (client, id) => client.hangup?.(id)),
      hold: () => run('hold', 'hold', (client, id) => client.hold?.(id)),
      resume: () => run('resume', 'hold', (client, id) => client.resume?.(id)),
      mute: (muted: boolean) =>
        run(muted ? 'mute' : 'unmute', 'mute', (client, id) => client.mute?.(id, muted)),
      sendDtmf: (digits: string) =>
        run(
          'sendDtmf',
          'dtmf',
          (client, id) => client.sendDtmf?.(id, digits),
          () =>
            setSent((previous) => ({
              id: interactionId,
              digits: (previous.id === interactionId ? previous.digits : '') + digits,
            })),
        ),
      updateAssociatedObject: (object: InteractionAssociatedObject) =>
        run('updateAssociatedObject', 'updateAssociatedObject', (client, id) =>
          client.updateAssociatedObject?.(id, object),
        ),
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

import type { ReactNode } from 'react'
import type { Interaction } from '../core/reduceInteraction.js'
import type { CallMessages } from '../react/messages.js'
import type { UseCallControlsResult } from '../react/useCallControls.js'
import { ControlButton } from './ControlButton.js'
import { HangUpIcon, MicIcon, MicOffIcon, PauseIcon, PhoneIcon, PlayIcon } from './icons.js'
import { oneControlAtATime } from './oneControlAtATime.js'

/** Whether the call is ringing the agent: it is answered or declined, not hung up. */
export const isIncoming = (call: Interaction) =>
  call.direction === 'inbound' && call.status === 'ringing'

/**
 * A live call's buttons, as its state and the provider allow: Answer and Decline while it rings
 * the agent; else mute, hold or resume, and hang up.
 */
export function liveControls(
  call: Interaction,
  controls: UseCallControlsResult,
  messages: CallMessages,
): ReactNode[] {
  const { status } = call
  const { capabilities, pending } = controls
  const run = oneControlAtATime(pending)
  const buttons: ReactNode[] = []
  if (isIncoming(call)) {
    if (capabilities.answer) {
      buttons.push(
        <ControlButton
          key="answer"
          kind="answer"
          label={messages.answer}
          icon={<PhoneIcon />}
          onClick={run(controls.answer)}
          pending={pending}
        />,
      )
    }
    if (capabilities.decline) {
      buttons.push(
        <ControlButton
          key="decline"
          kind="decline"
          label={messages.decline}
          icon={<HangUpIcon />}
          onClick={run(controls.decline)}
          pending={pending}
        />,
      )
    }
    return buttons
  }
  const connected = status === 'connected' || status === 'held'
  if (connected && capabilities.mute) {
    buttons.push(
      <ControlButton
        key="mute"
        kind="mute"
        label={messages.mute}
        icon={call.muted ? <MicOffIcon /> : <MicIcon />}
        onClick={run(() => controls.mute(!call.muted))}
        pending={pending}
        pressed={call.muted}
      />,
    )
  }
  if (connected && capabilities.hold) {
    buttons.push(
      status === 'held' ? (
        // The same key as Hold: one button changes its word, so a keyboard user's focus stays.
        <ControlButton
          key="hold"
          kind="resume"
          label={messages.resume}
          icon={<PlayIcon />}
          onClick={run(controls.resume)}
          pending={pending}
        />
      ) : (
        <ControlButton
          key="hold"
          kind="hold"
          label={messages.hold}
          icon={<PauseIcon />}
          onClick={run(controls.hold)}
          pending={pending}
        />
      ),
    )
  }
  if (capabilities.hangup) {
    buttons.push(
      <ControlButton
        key="hangup"
        kind="hangup"
        label={messages.hangUp}
        icon={<HangUpIcon />}
        onClick={run(controls.hangup)}
        pending={pending}
      />,
    )
  }
  return buttons
}

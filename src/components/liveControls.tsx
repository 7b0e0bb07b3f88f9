import type { ReactNode } from 'react'
import { isIncoming } from '../core/CallEvent.js'
import type { Interaction } from '../core/reduceInteraction.js'
import type { CallMessages } from '../react/messages.js'
import type { UseCallControlsResult } from '../react/useCallControls.js'
import { ControlButton, type Control } from './ControlButton.js'
import { HangUpIcon, MicIcon, MicOffIcon, PauseIcon, PhoneIcon, PlayIcon } from './icons.js'
import { oneControlAtATime } from './oneControlAtATime.js'

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
  const button = (
    key: string,
    kind: Control,
    label: string,
    icon: ReactNode,
    action: () => Promise<unknown>,
    pressed?: boolean,
  ) => (
    <ControlButton
      key={key}
      kind={kind}
      label={label}
      icon={icon}
      onClick={run(action)}
      pending={pending}
      pressed={pressed}
    />
  )
  const buttons: ReactNode[] = []
  if (isIncoming(call)) {
    if (capabilities.answer)
      buttons.push(button('answer', 'answer', messages.answer, <PhoneIcon />, controls.answer))
    if (capabilities.decline)
      buttons.push(button('decline', 'decline', messages.decline, <HangUpIcon />, controls.decline))
    return buttons
  }
  const connected = status === 'connected' || status === 'held'
  if (connected && capabilities.mute) {
    const icon = call.muted ? <MicOffIcon /> : <MicIcon />
    buttons.push(
      button('mute', 'mute', messages.mute, icon, () => controls.mute(!call.muted), call.muted),
    )
  }
  if (connected && capabilities.hold) {
    // One key for Hold and Resume: the button changes its word, so a keyboard user's focus stays.
    buttons.push(
      status === 'held'
        ? button('hold', 'resume', messages.resume, <PlayIcon />, controls.resume)
        : button('hold', 'hold', messages.hold, <PauseIcon />, controls.hold),
    )
  }
  if (capabilities.hangup)
    buttons.push(button('hangup', 'hangup', messages.hangUp, <HangUpIcon />, controls.hangup))
  return buttons
}

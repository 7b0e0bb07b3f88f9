import { useContext } from 'react'
import type { Interaction } from '../core/reduceInteraction.js'
import { ScreenPopContext } from '../react/ScreenPopContext.js'
import { useCallControls } from '../react/useCallControls.js'
import { useMessages } from '../react/useMessages.js'
import { usePhoneNumber } from '../react/usePhoneNumber.js'
import { CallParty } from './CallParty.js'
import { liveControls } from './liveControls.js'
import { SaidOnce } from './SaidOnce.js'

/**
 * The banner's view of a ringing inbound call: "Incoming call", the caller's name (the formatted
 * number while the record is looked up), Answer and Decline as the largest controls, and the
 * records to choose from when several match (under `ScreenPopProvider`). It is said once,
 * assertively, when it starts ringing; the name found later is shown, not announced again.
 *
 * Parts (inside `.rcc-CallStatusBanner[data-direction="inbound"]`): `.rcc-CallStatusBanner-state`,
 * `.rcc-CallStatusBanner-name`, `.rcc-CallStatusBanner-number`, and the controls
 * `.rcc-CallStatusBanner-control[data-control="answer|decline"]` with `[data-pending]`.
 */
export function IncomingCall({ call }: { call: Interaction }) {
  const messages = useMessages('CallStatusBanner')
  const controls = useCallControls(call.id)
  const screenPop = useContext(ScreenPopContext)
  const { display: number } = usePhoneNumber(call.phoneNumber ?? '')
  const name = call.associatedObject?.displayName
  return (
    <>
      <SaidOnce text={messages.incomingCallFrom(name || number || '')} />
      <span className="rcc-CallStatusBanner-indicator" aria-hidden="true" />
      <div className="rcc-CallStatusBanner-text" aria-live="off">
        <p className="rcc-CallStatusBanner-state">{messages.incomingCall}</p>
        <CallParty call={call} number={number} />
        {screenPop ? <screenPop.Matches interactionId={call.id} /> : null}
      </div>
      <div
        className="rcc-CallStatusBanner-controls"
        role="group"
        aria-label={messages.callControls}
        aria-live="off"
      >
        {liveControls(call, controls, messages)}
      </div>
      {controls.error ? (
        <p className="rcc-CallStatusBanner-error" role="alert">
          {messages.errorMessage(controls.error)}
        </p>
      ) : null}
    </>
  )
}

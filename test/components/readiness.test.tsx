import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { CallButton } from '../../src/components/CallButton.js'
import { Dialpad } from '../../src/components/Dialpad.js'
import { CallError } from '../../src/core/CallError.js'
import { fr } from '../../src/locales/fr.js'
import { useCallReadiness } from '../../src/react/useCallReadiness.js'
import { useStartCall } from '../../src/react/useStartCall.js'
import { ada, createTestClient, renderWithCalls, type TestClient } from './renderWithCalls.js'

const grace = { ...ada, id: 'c-2', displayName: 'Grace Hopper' }

const signOut = (client: TestClient) =>
  act(() =>
    client.emit({
      type: 'connection',
      status: 'closed',
      error: new CallError('unauthorized', 'Signed out of the phone system.').toJSON(),
    }),
  )

/** The app's own readout of `useCallReadiness`, as a person would see it. */
function Readiness() {
  const { ready, reason, callWith } = useCallReadiness()
  return <p>{ready ? 'Ready' : `Not ready: ${reason}${callWith ? ` (${callWith})` : ''}`}</p>
}

describe('ready to call, app-wide', () => {
  it('signed out: every CallButton and the Dialpad say so, stay focusable, and dial nothing', async () => {
    const user = userEvent.setup()
    const client = createTestClient()
    renderWithCalls(
      <>
        <CallButton phoneNumber="+14165550199" associatedObject={ada} />
        <CallButton phoneNumber="+14165550123" associatedObject={grace} />
        <Dialpad defaultValue="+14165550100" />
        <Readiness />
      </>,
      { client },
    )
    expect(screen.getByText('Ready')).toBeInTheDocument()
    signOut(client)

    const reasons = screen.getAllByText('Sign in to the phone system to call.')
    expect(reasons).toHaveLength(3)
    for (const reason of reasons) expect(reason).toBeVisible()
    expect(screen.getByText('Not ready: signed-out')).toBeInTheDocument()

    const ada_ = screen.getByRole('button', { name: 'Call Ada Lovelace' })
    const call = screen.getByRole('button', { name: 'Call' })
    for (const button of [ada_, call]) {
      expect(button).toHaveAttribute('aria-disabled', 'true')
      expect(button).toHaveAccessibleDescription('Sign in to the phone system to call.')
      expect(button).toBeEnabled()
    }
    // Focusable while disabled: a keyboard user reaches it and hears why.
    await user.tab()
    expect(ada_).toHaveFocus()
    await user.keyboard('{Enter}')
    await user.click(call)
    expect(client.control.requests).toHaveLength(0)

    // Signed in again: ready, the reasons are gone.
    act(() => client.emit({ type: 'connection', status: 'open' }))
    expect(screen.queryByText('Sign in to the phone system to call.')).not.toBeInTheDocument()
    expect(ada_).not.toHaveAttribute('aria-disabled')
    expect(screen.getByText('Ready')).toBeInTheDocument()
  })

  it('phone not ready and a dropped connection have their own reasons', () => {
    const client = createTestClient()
    renderWithCalls(<CallButton phoneNumber="+14165550199" associatedObject={ada} />, { client })
    act(() =>
      client.emit({
        type: 'connection',
        status: 'closed',
        error: new CallError('not_ready', 'canDial: false').toJSON(),
      }),
    )
    expect(screen.getByRole('button', { name: 'Call Ada Lovelace' })).toHaveAccessibleDescription(
      'Your phone is not ready to call. Check your phone device.',
    )
    act(() => client.emit({ type: 'connection', status: 'closed' }))
    expect(screen.getByRole('button', { name: 'Call Ada Lovelace' })).toHaveAccessibleDescription(
      'Calls are unavailable: the phone system is not connected.',
    )
  })

  it('on a call: the Dialpad and other buttons say so; a held call does not stand in the way', async () => {
    const user = userEvent.setup()
    // Without DTMF the pad stays a dialpad during the call.
    const client = createTestClient({ capabilities: { dtmf: false } })
    renderWithCalls(
      <>
        <CallButton phoneNumber="+14165550199" associatedObject={ada} />
        <CallButton phoneNumber="+14165550123" associatedObject={grace} />
        <Dialpad defaultValue="+14165550100" />
        <Readiness />
      </>,
      { client },
    )
    await user.click(screen.getByRole('button', { name: 'Call Ada Lovelace' }))
    await screen.findByText('Not ready: on-call (Ada Lovelace)')
    const busy = 'You are on a call with Ada Lovelace. Hang up or put it on hold first.'
    // Grace's button and the Dialpad; Ada's own button shows her call instead.
    expect(screen.getAllByText(busy)).toHaveLength(2)
    expect(screen.getByRole('button', { name: 'Call' })).toHaveAccessibleDescription(busy)
    await screen.findByRole('button', { name: /Ada Lovelace, connected/ })

    const [call] = client.control.calls()
    await act(() => client.hold(call!.id))
    await screen.findByText('Ready')
    expect(screen.queryByText(busy)).not.toBeInTheDocument()
  })

  it('`whileOnCall="allow"` keeps every button ready during a call', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ delays: { ringing: 60_000 } })
    renderWithCalls(
      <>
        <CallButton phoneNumber="+14165550199" associatedObject={ada} />
        <CallButton phoneNumber="+14165550123" associatedObject={grace} />
      </>,
      { client, provider: { whileOnCall: 'allow' } },
    )
    await user.click(screen.getByRole('button', { name: 'Call Ada Lovelace' }))
    await screen.findByRole('button', { name: 'Ada Lovelace, dialing' })
    expect(screen.getByRole('button', { name: 'Call Grace Hopper' })).not.toHaveAttribute(
      'aria-disabled',
    )
  })

  it('`clickToDial={false}` turns click-to-dial off app-wide; the Dialpad still dials what a person types', async () => {
    const user = userEvent.setup()
    const client = createTestClient()
    let refused: CallError | null = null
    function OwnButton() {
      const { startCall } = useStartCall({ onError: (error) => (refused = error) })
      return (
        <button type="button" onClick={() => startCall('+14165550123')}>
          Own call button
        </button>
      )
    }
    renderWithCalls(
      <>
        <CallButton phoneNumber="+14165550199" associatedObject={ada} />
        <OwnButton />
        <Dialpad defaultValue="+14165550100" />
        <Readiness />
      </>,
      { client, provider: { clickToDial: false } },
    )
    const adaButton = screen.getByRole('button', { name: 'Call Ada Lovelace' })
    expect(adaButton).toHaveAccessibleDescription('Click-to-dial is turned off.')
    expect(screen.getByText('Click-to-dial is turned off.')).toBeVisible()
    expect(screen.getByText('Not ready: click-to-dial-off')).toBeInTheDocument()
    await user.click(adaButton)
    await user.click(screen.getByRole('button', { name: 'Own call button' }))
    await waitFor(() => expect(refused?.message).toBe('Click-to-dial is turned off.'))
    expect(client.control.requests).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Call' }))
    await waitFor(() => expect(client.control.requests).toHaveLength(1))
    expect(client.control.requests[0]!.phoneNumber).toBe('+14165550100')
  })

  it('says why in the app’s language', () => {
    const client = createTestClient()
    renderWithCalls(<CallButton phoneNumber="+14165550199" associatedObject={ada} />, {
      client,
      provider: { messages: fr },
    })
    signOut(client)
    expect(
      screen.getByText('Connectez-vous au système téléphonique pour appeler.'),
    ).toBeInTheDocument()
  })
})

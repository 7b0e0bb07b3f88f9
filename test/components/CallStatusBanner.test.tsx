import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import metadata from 'libphonenumber-js/min/metadata'
import { failure } from '../../src/core/result.js'
import { CallStatusBanner } from '../../src/components/CallStatusBanner.js'
import { createPhoneNumberParser } from '../../src/phone/index.js'
import { formatCallDuration } from '../../src/react/useCallDuration.js'
import { ada, createTestClient, renderWithCalls, type TestClient } from './renderWithCalls.js'

const banner = () => screen.getByRole('status', { name: 'Call status' })
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms))

/** Starts a call on the client directly (as another tab or the provider's own UI would). */
async function start(client: TestClient, phoneNumber = '+14165550199', object = ada) {
  const result = client.startCall(phoneNumber, object)
  await advance(10)
  const settled = await result
  if (settled.status !== 'success' || !settled.data.id) throw new Error('start failed')
  return settled.data.id
}

describe('formatCallDuration', () => {
  it('is mm:ss under an hour and h:mm:ss from an hour on', () => {
    expect(formatCallDuration(0)).toBe('00:00')
    expect(formatCallDuration(83_400)).toBe('01:23')
    expect(formatCallDuration(3_599_999)).toBe('59:59')
    expect(formatCallDuration(3_600_000)).toBe('1:00:00')
    expect(formatCallDuration(3_723_000)).toBe('1:02:03')
    expect(formatCallDuration(-5)).toBe('00:00')
  })
})

describe('CallStatusBanner', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('is an empty polite live region without a call', () => {
    renderWithCalls(<CallStatusBanner />)
    expect(banner()).toHaveAttribute('aria-live', 'polite')
    expect(banner()).toBeEmptyDOMElement()
    expect(banner()).not.toHaveAttribute('data-status')
  })

  it('follows a call: Dialing, Ringing, Connected with a live timer, then h:mm:ss past an hour', async () => {
    vi.useFakeTimers()
    const client = createTestClient({ delays: { start: 10, ringing: 1000, answer: 2000 } })
    renderWithCalls(<CallStatusBanner />, {
      client,
      provider: { phoneNumbers: createPhoneNumberParser(metadata) },
    })
    await start(client)
    expect(banner()).toHaveAttribute('data-status', 'dialing')
    expect(banner()).toHaveTextContent('Dialing…')
    expect(banner()).toHaveTextContent('Ada Lovelace')
    expect(banner()).toHaveTextContent('Contact')
    expect(banner()).toHaveTextContent('+1 416 555 0199')
    await advance(1000)
    expect(banner()).toHaveAttribute('data-status', 'ringing')
    expect(banner()).toHaveTextContent('Ringing…')
    await advance(2000)
    expect(banner()).toHaveAttribute('data-status', 'connected')
    expect(banner()).toHaveTextContent('Connected 00:00')
    await advance(83_000)
    expect(banner()).toHaveTextContent('Connected 01:23')
    await advance(3_723_000 - 83_000)
    expect(banner()).toHaveTextContent('Connected 1:02:03')
    // The ticking timer is not announced: it sits in its own quiet region.
    expect(screen.getByText('1:02:03').closest('[aria-live="off"]')).not.toBeNull()
  })

  it('holds, resumes, mutes and hangs up through the client', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ delays: { answer: 5 } })
    renderWithCalls(<CallStatusBanner />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await waitFor(() => expect(banner()).toHaveAttribute('data-status', 'connected'))
    await user.click(screen.getByRole('button', { name: 'Hold' }))
    await waitFor(() => expect(banner()).toHaveTextContent('On hold'))
    expect(banner()).toHaveAttribute('data-status', 'held')
    await user.click(screen.getByRole('button', { name: 'Resume' }))
    await waitFor(() => expect(banner()).toHaveAttribute('data-status', 'connected'))
    const mute = screen.getByRole('button', { name: 'Mute' })
    expect(mute).toHaveAttribute('aria-pressed', 'false')
    await user.click(mute)
    await waitFor(() => expect(mute).toHaveAttribute('aria-pressed', 'true'))
    expect(banner()).toHaveAttribute('data-muted')
    expect(client.control.calls()[0]?.muted).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Hang up' }))
    await waitFor(() => expect(banner()).toHaveTextContent('Call ended'))
    expect(banner()).toHaveAttribute('data-status', 'ended')
    expect(banner()).toHaveAttribute('data-outcome', 'completed')
    // Focus was on Hang up, which is gone: it moves to Dismiss instead of the page.
    expect(screen.getByRole('button', { name: 'Dismiss' })).toHaveFocus()
    expect(screen.queryByRole('button', { name: 'Hang up' })).not.toBeInTheDocument()
  })

  it.each([
    ['busy', 'Call ended: line busy'],
    ['no-answer', 'Call ended: no answer'],
    ['voicemail', 'Call ended: voicemail'],
    ['canceled', 'Call ended: canceled'],
    ['completed', 'Call ended'],
  ] as const)('says how the call ended: %s', async (outcome, text) => {
    const client = createTestClient({ delays: { ringing: 10_000 } })
    renderWithCalls(<CallStatusBanner dismissAfterMs={null} />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await waitFor(() => expect(banner()).toHaveAttribute('data-status', 'dialing'))
    act(() => client.control.end('sim-1', outcome))
    expect(banner()).toHaveTextContent(text)
    expect(banner()).toHaveAttribute('data-outcome', outcome)
  })

  it('shows busy when the simulated line is busy', async () => {
    const client = createTestClient({ outcome: 'busy' })
    renderWithCalls(<CallStatusBanner />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await waitFor(() => expect(banner()).toHaveTextContent('Call ended: line busy'))
  })

  it('says why a call failed', async () => {
    const client = createTestClient({ outcome: 'failed' })
    renderWithCalls(<CallStatusBanner />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await waitFor(() =>
      expect(banner()).toHaveTextContent('Call failed: The carrier rejected the call.'),
    )
    expect(banner()).toHaveAttribute('data-status', 'failed')
  })

  it('shows only the controls the provider has', async () => {
    const client = createTestClient({
      delays: { answer: 5 },
      capabilities: { hold: false, mute: false },
    })
    renderWithCalls(<CallStatusBanner />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await waitFor(() => expect(banner()).toHaveAttribute('data-status', 'connected'))
    expect(screen.getByRole('button', { name: 'Hang up' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Hold' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Mute' })).not.toBeInTheDocument()
  })

  it('shows no control at all for a provider that cannot hang up, hold or mute', async () => {
    const client = createTestClient({
      delays: { answer: 5 },
      capabilities: { hangup: false, hold: false, mute: false },
    })
    renderWithCalls(<CallStatusBanner />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await waitFor(() => expect(banner()).toHaveAttribute('data-status', 'connected'))
    expect(screen.queryAllByRole('button')).toHaveLength(0)
  })

  it('shows the controls only in states where they apply', async () => {
    const client = createTestClient({ delays: { ringing: 10_000 } })
    renderWithCalls(<CallStatusBanner />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await waitFor(() => expect(banner()).toHaveAttribute('data-status', 'dialing'))
    expect(screen.getByRole('button', { name: 'Hang up' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Hold' })).not.toBeInTheDocument()
  })

  it('dismisses an ended call after the configured delay', async () => {
    vi.useFakeTimers()
    const client = createTestClient({ delays: { start: 10 } })
    renderWithCalls(<CallStatusBanner dismissAfterMs={3000} />, { client })
    const id = await start(client)
    act(() => client.control.end(id, 'busy'))
    expect(banner()).toHaveTextContent('Call ended: line busy')
    await advance(2900)
    expect(banner()).toHaveTextContent('Call ended: line busy')
    await advance(200)
    expect(banner()).toBeEmptyDOMElement()
  })

  it('keeps an ended call with dismissAfterMs={null} until Dismiss', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ delays: { ringing: 10_000 } })
    renderWithCalls(<CallStatusBanner dismissAfterMs={null} />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await waitFor(() => expect(banner()).toHaveAttribute('data-status', 'dialing'))
    act(() => client.control.end('sim-1', 'no-answer'))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(banner()).toHaveTextContent('Call ended: no answer')
    await user.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(banner()).toBeEmptyDOMElement()
  })

  it('shows the call named by interactionId', async () => {
    const client = createTestClient({ delays: { ringing: 10_000 } })
    renderWithCalls(<CallStatusBanner interactionId="sim-1" />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await act(() => client.startCall('+442071838750'))
    await waitFor(() => expect(banner()).toHaveTextContent('Ada Lovelace'))
    expect(banner()).not.toHaveTextContent('+442071838750')
  })

  it('never hides a live call: every other live call is listed with its own controls', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ delays: { answer: 5 } })
    renderWithCalls(<CallStatusBanner dismissAfterMs={null} />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await waitFor(() => expect(banner()).toHaveAttribute('data-status', 'connected'))
    await act(() =>
      client.startCall('+442071838750', { ...ada, id: 'c-2', displayName: 'Grace Hopper' }),
    )
    await act(() => client.startCall('+33142685300'))
    // The newest call is the active one; the two others are listed, none hidden.
    const others = await screen.findByRole('list', { name: 'Other calls' })
    await waitFor(() => expect(within(others).getAllByRole('listitem')).toHaveLength(2))
    expect(banner()).toHaveAttribute('data-calls', '2')
    const adaCall = within(others).getByRole('group', { name: 'Call with Ada Lovelace' })
    const graceCall = within(others).getByRole('group', { name: 'Call with Grace Hopper' })
    await waitFor(() => expect(adaCall).toHaveAttribute('data-status', 'connected'))
    expect(adaCall).toHaveTextContent('+14165550199')
    // Each listed call has its own controls, which act on that call only.
    await user.click(within(adaCall).getByRole('button', { name: 'Hold' }))
    await waitFor(() => expect(adaCall).toHaveAttribute('data-status', 'held'))
    expect(client.control.calls().find((call) => call.id === 'sim-1')?.status).toBe('held')
    await waitFor(() => expect(graceCall).toHaveAttribute('data-status', 'connected'))
    await user.click(within(graceCall).getByRole('button', { name: 'Hang up' }))
    await waitFor(() => expect(within(others).getAllByRole('listitem')).toHaveLength(1))
    expect(client.control.calls().find((call) => call.id === 'sim-2')?.status).toBe('ended')
    // Switch makes a listed call the banner's call; the former active call joins the list.
    await user.click(screen.getByRole('button', { name: 'Switch to Ada Lovelace' }))
    await waitFor(() => expect(banner()).toHaveAttribute('data-status', 'held'))
    expect(screen.getByRole('group', { name: 'Call controls' })).toContainElement(
      screen.getByRole('button', { name: 'Resume' }),
    )
    expect(
      within(screen.getByRole('list', { name: 'Other calls' })).getByRole('group', {
        name: 'Call with +33142685300',
      }),
    ).toHaveAttribute('data-status', 'connected')
  })

  it('lists no other call with interactionId, nor an ended one', async () => {
    const client = createTestClient({ delays: { ringing: 10_000 } })
    const { rerender } = renderWithCalls(<CallStatusBanner interactionId="sim-1" />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await act(() => client.startCall('+442071838750'))
    await waitFor(() => expect(banner()).toHaveTextContent('Ada Lovelace'))
    expect(screen.queryByRole('list')).not.toBeInTheDocument()
    rerender(<CallStatusBanner />)
    expect(await screen.findByRole('list', { name: 'Other calls' })).toHaveTextContent(
      'Ada Lovelace',
    )
    act(() => client.control.end('sim-1', 'busy'))
    await waitFor(() => expect(screen.queryByRole('list')).not.toBeInTheDocument())
    expect(banner()).not.toHaveAttribute('data-calls')
  })

  it('says when the connection to the phone system is lost', async () => {
    const client = createTestClient({ delays: { ringing: 10_000 } })
    renderWithCalls(<CallStatusBanner />, { client })
    await act(() => client.startCall('+14165550199', ada))
    act(() => client.control.dropStream())
    expect(banner()).toHaveTextContent('Connection to the phone system lost. Reconnecting…')
    expect(banner()).toHaveAttribute('data-connection', 'reconnecting')
    act(() => client.control.restoreStream())
    expect(banner()).not.toHaveTextContent('Reconnecting…')
  })

  it('shows a failed control and keeps the call', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ delays: { answer: 5 } })
    renderWithCalls(<CallStatusBanner />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await waitFor(() => expect(banner()).toHaveAttribute('data-status', 'connected'))
    // The provider refuses the hold.
    client.hold = async () => failure('invalid_state', 'Hold is not allowed now.')
    await user.click(screen.getByRole('button', { name: 'Hold' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Hold is not allowed now.')
  })

  it('marks the control in flight (Mute while unmuting too), never Dismiss', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ delays: { answer: 5 } })
    renderWithCalls(<CallStatusBanner dismissAfterMs={null} />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await waitFor(() => expect(banner()).toHaveAttribute('data-status', 'connected'))
    const mute = () => screen.getByRole('button', { name: 'Mute' })
    await user.click(mute())
    await waitFor(() => expect(mute()).toHaveAttribute('aria-pressed', 'true'))
    // The provider holds the unmute until released.
    const realMute = client.mute.bind(client)
    let release = () => {}
    client.mute = (id, muted) =>
      new Promise((resolve) => {
        release = () => resolve(realMute(id, muted))
      })
    await user.click(mute())
    await waitFor(() => expect(mute()).toHaveAttribute('data-pending', 'true'))
    expect(mute()).toHaveAttribute('aria-busy', 'true')
    expect(screen.getByRole('button', { name: 'Hold' })).not.toHaveAttribute('data-pending')
    await act(async () => release())
    await waitFor(() => expect(mute()).not.toHaveAttribute('data-pending'))
    expect(mute()).not.toHaveAttribute('aria-busy')
    expect(mute()).toHaveAttribute('aria-pressed', 'false')
    await user.click(screen.getByRole('button', { name: 'Hang up' }))
    const dismiss = await screen.findByRole('button', { name: 'Dismiss' })
    expect(dismiss).not.toHaveAttribute('data-pending')
    expect(dismiss).not.toHaveAttribute('aria-busy')
  })

  it('is usable with the keyboard alone: Tab to a control, Space and Enter press it', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ delays: { answer: 5 } })
    renderWithCalls(<CallStatusBanner dismissAfterMs={null} />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await waitFor(() => expect(banner()).toHaveAttribute('data-status', 'connected'))
    await user.tab()
    expect(screen.getByRole('button', { name: 'Mute' })).toHaveFocus()
    await user.keyboard(' ')
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'true'),
    )
    await user.tab()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(banner()).toHaveAttribute('data-status', 'held'))
    await user.tab()
    expect(screen.getByRole('button', { name: 'Hang up' })).toHaveFocus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(banner()).toHaveAttribute('data-status', 'ended'))
    expect(screen.getByRole('button', { name: 'Dismiss' })).toHaveFocus()
    await user.keyboard(' ')
    expect(banner()).toBeEmptyDOMElement()
  })

  it('takes its words from CallProvider messages', async () => {
    const client = createTestClient({ delays: { ringing: 10_000 } })
    renderWithCalls(<CallStatusBanner />, {
      client,
      provider: { messages: { dialing: 'Numérotation…' } },
    })
    await act(() => client.startCall('+14165550199', ada))
    await waitFor(() => expect(banner()).toHaveTextContent('Numérotation…'))
  })

  it('throws a clear error outside CallProvider', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<CallStatusBanner />)).toThrow(
      '`CallStatusBanner` must be used within `CallProvider`.',
    )
    spy.mockRestore()
  })

  it('can be unmounted mid-call without errors or warnings', async () => {
    const errors = vi.spyOn(console, 'error')
    const warnings = vi.spyOn(console, 'warn')
    const client = createTestClient({ delays: { answer: 5 } })
    const { unmount } = renderWithCalls(<CallStatusBanner dismissAfterMs={20} />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await waitFor(() => expect(banner()).toHaveAttribute('data-status', 'connected'))
    unmount()
    client.control.end('sim-1')
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(errors).not.toHaveBeenCalled()
    expect(warnings).not.toHaveBeenCalled()
  })
})

import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import metadata from 'libphonenumber-js/min/metadata'
import { RecentCalls } from '../../src/call-log/index.js'
import { Softphone } from '../../src/components/Softphone.js'
import { createPhoneNumberParser } from '../../src/phone/index.js'
import { callAndHangUp, renderWithLog } from './callLog.js'
import { ada, createTestClient, renderWithCalls } from './renderWithCalls.js'

const phoneNumbers = createPhoneNumberParser(metadata)
const panel = () => screen.getByRole('region', { name: 'Softphone' })
const card = () => within(panel()).getByRole('status', { name: 'Call status' })

async function connectedCall(options: Parameters<typeof createTestClient>[0] = {}) {
  const user = userEvent.setup()
  const client = createTestClient({ delays: { answer: 5 }, ...options })
  renderWithCalls(<Softphone recentCalls={<p>No recent calls</p>} />, {
    client,
    provider: { phoneNumbers },
  })
  await act(() => client.startCall('+14165550199', ada))
  await waitFor(() => expect(panel()).toHaveAttribute('data-status', 'connected'))
  return { user, client }
}

describe('Softphone', () => {
  it('is ready to call when idle: the keypad shows, and the recent calls below', () => {
    renderWithCalls(<Softphone recentCalls={<p>No recent calls</p>} />)
    expect(panel()).toHaveAttribute('data-status', 'idle')
    expect(card()).toHaveTextContent('Ready to call')
    expect(within(panel()).getByRole('textbox', { name: 'Phone number' })).toBeInTheDocument()
    expect(within(panel()).getByRole('button', { name: 'Call' })).toBeInTheDocument()
    expect(within(panel()).getByText('No recent calls')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Hang up' })).not.toBeInTheDocument()
  })

  it('places a call from its keypad and shows whom it calls, formatted, with the state', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ delays: { ringing: 10_000 } })
    renderWithCalls(<Softphone />, { client, provider: { phoneNumbers } })
    await user.type(screen.getByRole('textbox', { name: 'Phone number' }), '+14165550199')
    await user.click(screen.getByRole('button', { name: 'Call' }))
    await waitFor(() => expect(card()).toHaveTextContent('Dialing…'))
    expect(card()).toHaveTextContent('+1 416 555 0199')
    // Nothing to mute or hold before the call connects; the controls keep their place.
    for (const name of ['Mute', 'Keypad', 'Hold'])
      expect(screen.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true')
    // The keypad gave way to the controls: focus moved to Hang up, not to the page.
    expect(screen.getByRole('button', { name: 'Hang up' })).toHaveFocus()
  })

  it('during a call: name, number, state, a timer; the keypad hides behind its toggle', async () => {
    const { user } = await connectedCall()
    expect(card()).toHaveTextContent('Ada Lovelace')
    expect(card()).toHaveTextContent('+1 416 555 0199')
    expect(card()).toHaveTextContent('Connected')
    expect(card()).toHaveTextContent(/00:0\d/)
    const controls = screen.getByRole('group', { name: 'Call controls' })
    const keypad = within(controls).getByRole('button', { name: 'Keypad' })
    expect(keypad).toHaveAttribute('aria-pressed', 'false')
    expect(screen.queryByRole('group', { name: /Keypad: tones/ })).not.toBeInTheDocument()
    await user.click(keypad)
    expect(keypad).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByRole('group', { name: 'Keypad: tones go to the call' })).toBeInTheDocument()
    await user.click(keypad)
    expect(screen.queryByRole('group', { name: /Keypad: tones/ })).not.toBeInTheDocument()
  })

  it('shows a Muted badge by the timer, and On hold apart from it', async () => {
    const { user, client } = await connectedCall()
    await user.click(screen.getByRole('button', { name: 'Mute' }))
    await waitFor(() => expect(card()).toHaveTextContent('Muted'))
    expect(screen.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'true')
    expect(panel()).toHaveAttribute('data-muted')
    expect(client.control.calls()[0]?.muted).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Hold' }))
    await waitFor(() => expect(panel()).toHaveAttribute('data-status', 'held'))
    expect(card()).toHaveTextContent('On hold')
    expect(screen.getByRole('button', { name: 'Hold' })).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByText('Muted').closest('[data-badge]')).toHaveAttribute('data-badge', 'muted')
    expect(within(card()).getAllByText('On hold').at(-1)!.closest('[data-badge]')).toHaveAttribute(
      'data-badge',
      'held',
    )
    await user.click(screen.getByRole('button', { name: 'Hold' }))
    await waitFor(() => expect(panel()).toHaveAttribute('data-status', 'connected'))
  })

  it('after hang-up says "Call ended" with the duration, and calls again', async () => {
    const { user, client } = await connectedCall()
    await user.click(screen.getByRole('button', { name: 'Hang up' }))
    await waitFor(() => expect(card()).toHaveTextContent('Call ended'))
    expect(card()).toHaveTextContent(/00:0\d/)
    // Focus was on Hang up, which is gone: it moves to Call again, not to the page.
    const again = screen.getByRole('button', { name: 'Call again' })
    expect(again).toHaveFocus()
    await user.click(again)
    await waitFor(() => expect(client.control.requests).toHaveLength(2))
    expect(client.control.requests[1]).toMatchObject({
      phoneNumber: '+14165550199',
      initialObject: ada,
    })
  })

  it('Dismiss goes back to the keypad', async () => {
    const { user } = await connectedCall()
    await user.click(screen.getByRole('button', { name: 'Hang up' }))
    await user.click(await screen.findByRole('button', { name: 'Dismiss' }))
    expect(panel()).toHaveAttribute('data-status', 'idle')
    expect(screen.getByRole('textbox', { name: 'Phone number' })).toHaveFocus()
  })

  it('busy is an ending, not an error; only a failure says it failed', async () => {
    const busy = createTestClient({ outcome: 'busy' })
    const { unmount } = renderWithCalls(<Softphone />, { client: busy })
    await act(() => busy.startCall('+14165550199', ada))
    await waitFor(() => expect(card()).toHaveTextContent('Call ended: line busy'))
    expect(panel()).toHaveAttribute('data-status', 'ended')
    expect(panel()).toHaveAttribute('data-outcome', 'busy')
    unmount()
    const failing = createTestClient({ outcome: 'failed' })
    renderWithCalls(<Softphone />, { client: failing })
    await act(() => failing.startCall('+14165550199', ada))
    await waitFor(() =>
      expect(card()).toHaveTextContent('Call failed: The carrier rejected the call.'),
    )
    expect(panel()).toHaveAttribute('data-status', 'failed')
  })

  it('disables what the provider cannot do instead of failing on click', async () => {
    await connectedCall({ capabilities: { hold: false, mute: false, dtmf: false } })
    for (const name of ['Mute', 'Keypad', 'Hold'])
      expect(screen.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true')
  })

  it('composes with the call log: RecentCalls in its slot lists the ended call, to log or call again', async () => {
    const user = userEvent.setup()
    const { client } = renderWithLog(<Softphone recentCalls={<RecentCalls />} />)
    expect(within(panel()).getByText('No calls yet.')).toBeInTheDocument()
    await callAndHangUp(client)
    await waitFor(() => expect(panel()).toHaveAttribute('data-status', 'ended'))
    const list = within(panel()).getByRole('list', { name: 'Recent calls' })
    const row = within(list).getByRole('listitem', { name: /^Ada Lovelace, Outgoing, Completed/ })
    expect(
      within(row).getByRole('button', { name: 'Log the call with Ada Lovelace' }),
    ).toBeVisible()
    await user.click(within(row).getByRole('button', { name: 'Call again Ada Lovelace' }))
    await waitFor(() => expect(client.control.requests).toHaveLength(2))
    expect(client.control.requests[1]).toMatchObject({ phoneNumber: '+14165550199' })
    // The panel follows the new call.
    await waitFor(() =>
      expect(panel().getAttribute('data-status')).toMatch(/^(dialing|ringing|connected)$/),
    )
  })

  it('throws a clear error outside CallProvider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<Softphone />)).toThrow(/Softphone.*must be used within.*CallProvider/)
  })
})

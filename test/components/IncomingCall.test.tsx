import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { CallStatusBanner } from '../../src/index.js'
import { ScreenPopProvider } from '../../src/screen-pop/index.js'
import { ada, createTestClient, renderWithCalls, ringWithMatches } from './renderWithCalls.js'

const CALLER = '+14165550199'
/** Rings until a person acts (the test client's own ring-out is 20 ms). */
const RINGS = { delays: { noAnswer: 60_000 } }
const grace = {
  id: 'c-2',
  type: 'contact',
  displayName: 'Grace Hopper',
  displayType: 'Contact',
  customFields: {},
}

describe('CallStatusBanner: an inbound call', () => {
  it('shows “Incoming call” with the number, Answer and Decline, and says it once, assertively', async () => {
    const client = createTestClient(RINGS)
    renderWithCalls(<CallStatusBanner />, { client })
    act(() => void client.control.ring({ from: CALLER }))
    const banner = screen.getByRole('status', { name: 'Call status' })
    expect(banner).toHaveAttribute('data-direction', 'inbound')
    expect(within(banner).getByText('Incoming call')).toBeInTheDocument()
    expect(within(banner).getByText('+14165550199')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('Incoming call from +14165550199')
    expect(within(banner).getByRole('button', { name: 'Answer' })).toBeInTheDocument()
    expect(within(banner).getByRole('button', { name: 'Decline' })).toBeInTheDocument()
    expect(within(banner).queryByRole('button', { name: 'Hang up' })).not.toBeInTheDocument()
  })

  it('shows the resolved name without announcing the call again', async () => {
    const client = createTestClient(RINGS)
    let answer!: (records: (typeof ada)[]) => void
    renderWithCalls(
      <ScreenPopProvider resolveCaller={() => new Promise((resolve) => (answer = resolve))}>
        <CallStatusBanner />
      </ScreenPopProvider>,
      { client },
    )
    act(() => void client.control.ring({ from: CALLER }))
    expect(await screen.findByText('Looking up the caller…')).toBeInTheDocument()
    await act(async () => answer([ada]))
    expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument()
    expect(screen.getAllByRole('alert')).toHaveLength(1)
    expect(screen.getByRole('alert')).toHaveTextContent('Incoming call from +14165550199')
  })

  it('lists the matches when several records match, and shows the one chosen', async () => {
    ringWithMatches(<CallStatusBanner />, [ada, grace])
    const list = await screen.findByRole('list', { name: 'Records that match the caller' })
    await userEvent.click(within(list).getByRole('button', { name: 'Grace Hopper Contact' }))
    expect(await screen.findByText('Grace Hopper')).toBeInTheDocument()
    expect(screen.queryByRole('list')).not.toBeInTheDocument()
  })

  it('answers: the banner goes on with the connected call and its controls', async () => {
    const client = createTestClient(RINGS)
    renderWithCalls(<CallStatusBanner />, { client })
    act(() => void client.control.ring({ from: CALLER }))
    await userEvent.click(screen.getByRole('button', { name: 'Answer' }))
    expect(await screen.findByText(/Connected/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Hang up' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Answer' })).not.toBeInTheDocument()
  })

  it('declines: “Call declined”', async () => {
    const client = createTestClient(RINGS)
    renderWithCalls(<CallStatusBanner dismissAfterMs={null} />, { client })
    act(() => void client.control.ring({ from: CALLER }))
    await userEvent.click(screen.getByRole('button', { name: 'Decline' }))
    expect(await screen.findByText('Call declined')).toBeInTheDocument()
    expect(screen.getByRole('status', { name: 'Call status' })).toHaveAttribute(
      'data-outcome',
      'declined',
    )
  })

  it('shows “Missed call” when it rings out unanswered', async () => {
    const client = createTestClient({ delays: { noAnswer: 20 } })
    renderWithCalls(<CallStatusBanner dismissAfterMs={null} />, { client })
    act(() => void client.control.ring({ from: CALLER }))
    expect(await screen.findByText('Missed call')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Answer' })).not.toBeInTheDocument()
  })
})

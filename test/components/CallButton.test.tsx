import { MutationCache, QueryClient, useIsMutating } from '@tanstack/react-query'
import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import metadata from 'libphonenumber-js/min/metadata'
import { createRef } from 'react'
import { CallButton } from '../../src/components/CallButton.js'
import { CallStatusBanner } from '../../src/components/CallStatusBanner.js'
import { createPhoneNumberParser } from '../../src/phone/index.js'
import { ada, createTestClient, renderWithCalls } from './renderWithCalls.js'

describe('CallButton', () => {
  it('is named after whom it calls, with the visible label "Call"', () => {
    renderWithCalls(<CallButton phoneNumber="+14165550199" associatedObject={ada} />)
    const button = screen.getByRole('button', { name: 'Call Ada Lovelace' })
    expect(button).toHaveTextContent('Call')
    expect(button).toHaveAttribute('data-status', 'idle')
    expect(button).not.toHaveAttribute('data-pending')
  })

  it('is named after the formatted number when there is no record', () => {
    renderWithCalls(<CallButton phoneNumber="+14165550199" />, {
      provider: { phoneNumbers: createPhoneNumberParser(metadata) },
    })
    expect(screen.getByRole('button', { name: 'Call +1 416 555 0199' })).toBeInTheDocument()
  })

  it('uses its children as the label', () => {
    renderWithCalls(
      <CallButton phoneNumber="+14165550199" associatedObject={ada}>
        Ring
      </CallButton>,
    )
    expect(screen.getByRole('button', { name: 'Call Ada Lovelace' })).toHaveTextContent('Ring')
  })

  it('starts one call with the record, reports it, and shows the pending state', async () => {
    const user = userEvent.setup()
    const onStarted = vi.fn()
    const { client } = renderWithCalls(
      <CallButton phoneNumber="+14165550199" associatedObject={ada} onStarted={onStarted} />,
      { client: createTestClient({ delays: { start: 400 } }) },
    )
    const button = screen.getByRole('button', { name: 'Call Ada Lovelace' })
    await user.dblClick(button)
    expect(button).toHaveAccessibleName('Calling Ada Lovelace…')
    expect(button).toHaveTextContent('Calling…')
    expect(button).toHaveAttribute('aria-busy', 'true')
    expect(button).toHaveAttribute('data-pending')
    expect(button).toHaveAttribute('data-status', 'pending')
    await user.click(button)
    const sim = client as ReturnType<typeof createTestClient>
    expect(sim.control.requests).toHaveLength(1)
    expect(sim.control.requests[0]).toEqual({
      phoneNumber: '+14165550199',
      initialObject: ada,
    })
    await waitFor(() =>
      expect(onStarted).toHaveBeenCalledWith({
        id: 'sim-1',
        deferred: false,
        phoneNumber: '+14165550199',
        joined: false,
      }),
    )
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'active'))
    expect(button).not.toHaveAttribute('aria-busy')
    expect(button).toHaveAccessibleName(/^Ada Lovelace, (dialing|ringing|connected [0-9:]+)$/)
    expect(onStarted).toHaveBeenCalledTimes(1)
    act(() => sim.control.end('sim-1', 'completed'))
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'idle'))
  })

  it('shows and announces a failed start, linked to the button', async () => {
    const user = userEvent.setup()
    const client = createTestClient()
    client.control.failNextStart('not_ready', 'Log in to the phone system first.')
    const onError = vi.fn()
    renderWithCalls(
      <CallButton phoneNumber="+14165550199" associatedObject={ada} onError={onError} />,
      { client },
    )
    const button = screen.getByRole('button', { name: 'Call Ada Lovelace' })
    await user.click(button)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Log in to the phone system first.')
    expect(button).toHaveAccessibleDescription('Log in to the phone system first.')
    expect(button).toHaveAttribute('data-status', 'error')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'not_ready' }))
    // The person decides to try again: nothing retried by itself.
    expect(client.control.requests).toHaveLength(1)
    await user.click(button)
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'active'))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('is disabled with its reason when the number is invalid, and sends nothing', async () => {
    const user = userEvent.setup()
    const { client } = renderWithCalls(<CallButton phoneNumber="call me" associatedObject={ada} />)
    const button = screen.getByRole('button', { name: 'Call Ada Lovelace' })
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).toHaveAttribute('data-disabled')
    expect(button).toHaveAttribute('data-invalid')
    expect(button).toHaveAccessibleDescription(/is not a phone number/)
    await user.click(button)
    expect((client as ReturnType<typeof createTestClient>).control.requests).toHaveLength(0)
    expect(button).toHaveAttribute('data-status', 'idle')
  })

  it('is disabled with its reason while the phone system cannot place calls', async () => {
    const user = userEvent.setup()
    const client = createTestClient()
    renderWithCalls(<CallButton phoneNumber="+14165550199" associatedObject={ada} />, { client })
    const button = screen.getByRole('button', { name: 'Call Ada Lovelace' })
    expect(button).not.toHaveAttribute('aria-disabled')
    act(() => client.emit({ type: 'connection', status: 'closed' }))
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).toHaveAccessibleDescription(
      'Calls are unavailable: the phone system is not connected.',
    )
    await user.click(button)
    expect(client.control.requests).toHaveLength(0)
    act(() => client.emit({ type: 'connection', status: 'open' }))
    expect(button).not.toHaveAttribute('aria-disabled')
  })

  it('honours disabled, focusably', async () => {
    const user = userEvent.setup()
    const { client } = renderWithCalls(<CallButton phoneNumber="+14165550199" disabled />)
    const button = screen.getByRole('button', { name: 'Call +14165550199' })
    // Disabled as its own states disable it: announced as such, still reached with Tab.
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).toHaveAttribute('data-disabled')
    await user.click(button)
    expect((client as ReturnType<typeof createTestClient>).control.requests).toHaveLength(0)
  })

  it('reports a deferred dial as data-status="deferred" while the number waits on the dialpad', async () => {
    const user = userEvent.setup()
    const onStarted = vi.fn()
    renderWithCalls(
      <CallButton phoneNumber="+14165550199" associatedObject={ada} onStarted={onStarted} />,
      {
        client: createTestClient({ deferredDial: true }),
      },
    )
    const button = screen.getByRole('button', { name: 'Call Ada Lovelace' })
    await user.click(button)
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'deferred'))
    expect(onStarted).toHaveBeenCalledWith({
      id: null,
      deferred: true,
      phoneNumber: '+14165550199',
      joined: false,
    })
  })

  it('composes the user onClick with its own; preventDefault cancels the call', async () => {
    const user = userEvent.setup()
    const onClick = vi.fn((event: { preventDefault(): void }) => event.preventDefault())
    const { client } = renderWithCalls(<CallButton phoneNumber="+14165550199" onClick={onClick} />)
    await user.click(screen.getByRole('button', { name: 'Call +14165550199' }))
    expect(onClick).toHaveBeenCalledTimes(1)
    expect((client as ReturnType<typeof createTestClient>).control.requests).toHaveLength(0)
  })

  it('passes the ref, class names and other props through to the button', () => {
    const ref = createRef<HTMLButtonElement>()
    renderWithCalls(
      <CallButton
        ref={ref}
        phoneNumber="+14165550199"
        className="mine"
        data-testid="cb"
        title="Call now"
      />,
    )
    const button = screen.getByTestId('cb')
    expect(ref.current).toBe(button)
    expect(button).toHaveClass('rcc-CallButton', 'mine')
    expect(button).toHaveAttribute('title', 'Call now')
  })

  it('takes its words from CallProvider messages', () => {
    renderWithCalls(<CallButton phoneNumber="+14165550199" associatedObject={ada} />, {
      provider: { messages: { call: 'Appeler', callWhom: (name) => `Appeler ${name}` } },
    })
    expect(screen.getByRole('button', { name: 'Appeler Ada Lovelace' })).toHaveTextContent(
      'Appeler',
    )
  })

  it('throws a clear error outside CallProvider', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<CallButton phoneNumber="+14165550199" />)).toThrow(
      '`CallButton` must be used within `CallProvider`.',
    )
    spy.mockRestore()
  })

  it('can be unmounted while the start is pending without errors or warnings', async () => {
    const user = userEvent.setup()
    const errors = vi.spyOn(console, 'error')
    const warnings = vi.spyOn(console, 'warn')
    const { unmount } = renderWithCalls(
      <CallButton phoneNumber="+14165550199" associatedObject={ada} />,
      {
        client: createTestClient({ delays: { start: 30 } }),
      },
    )
    await user.click(screen.getByRole('button', { name: 'Call Ada Lovelace' }))
    unmount()
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(errors).not.toHaveBeenCalled()
    expect(warnings).not.toHaveBeenCalled()
  })

  it("runs its start as a start mutation of the app's QueryClient, whose MutationCache hears its failure", async () => {
    const user = userEvent.setup()
    const client = createTestClient({ delays: { start: 50 } })
    client.control.failNextStart('not_ready', 'Log in to the phone system first.')
    const cacheError = vi.fn()
    const queryClient = new QueryClient({
      mutationCache: new MutationCache({ onError: cacheError }),
      defaultOptions: { mutations: { gcTime: 0 } },
    })
    function Starting() {
      return <p>Starting: {useIsMutating({ mutationKey: ['react-click-to-call', 'startCall'] })}</p>
    }
    renderWithCalls(
      <>
        <CallButton phoneNumber="+14165550199" associatedObject={ada} />
        <Starting />
      </>,
      { client, provider: { queryClient } },
    )
    await user.click(screen.getByRole('button', { name: 'Call Ada Lovelace' }))
    expect(await screen.findByText('Starting: 1')).toBeInTheDocument()
    await screen.findByRole('alert')
    expect(screen.getByText('Starting: 0')).toBeInTheDocument()
    expect(cacheError).toHaveBeenCalledTimes(1)
    expect(cacheError.mock.calls[0]![0]).toMatchObject({ code: 'not_ready' })
    // Nothing holds the settled start: it leaves the cache like any mutation nobody observes.
    await waitFor(() => expect(queryClient.getMutationCache().getAll()).toHaveLength(0))
  })

  it('keeps its own start: another button on the same number shows neither its wait nor its error', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ delays: { start: 50 } })
    client.control.failNextStart('not_ready', 'Log in to the phone system first.')
    const onError = vi.fn()
    renderWithCalls(
      <>
        <CallButton phoneNumber="+14165550199" associatedObject={ada} onError={onError} />
        <CallButton phoneNumber="+14165550199" data-testid="other" />
      </>,
      { client },
    )
    const other = screen.getByTestId('other')
    await user.click(screen.getByRole('button', { name: 'Call Ada Lovelace' }))
    const button = screen.getByRole('button', { name: 'Calling Ada Lovelace…' })
    expect(other).toHaveAttribute('data-status', 'idle')
    expect(other).not.toHaveAttribute('aria-busy')
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'error'))
    expect(screen.getAllByRole('alert')).toHaveLength(1)
    expect(button).toHaveAccessibleDescription('Log in to the phone system first.')
    expect(other).toHaveAttribute('data-status', 'idle')
    expect(other).not.toHaveAccessibleDescription()
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('is usable with the keyboard alone', async () => {
    const user = userEvent.setup()
    const { client } = renderWithCalls(
      <CallButton phoneNumber="+14165550199" associatedObject={ada} />,
    )
    await user.tab()
    expect(screen.getByRole('button', { name: 'Call Ada Lovelace' })).toHaveFocus()
    await user.keyboard('{Enter}')
    const sim = client as ReturnType<typeof createTestClient>
    await waitFor(() => expect(sim.control.requests).toHaveLength(1))
    // Focus stays on the button while the start is pending.
    expect(screen.getByRole('button', { name: /Ada Lovelace/ })).toHaveFocus()
  })

  describe('one live call per number', () => {
    const grace = { ...ada, id: 'c-2', displayName: 'Grace Hopper' }

    it('shows the live call in its label and name, and pressing it shows that call instead of dialing', async () => {
      const user = userEvent.setup()
      const client = createTestClient({ delays: { ringing: 60_000 } })
      renderWithCalls(
        <>
          <CallButton phoneNumber="+14165550199" associatedObject={ada} />
          <CallButton phoneNumber="+14165550123" associatedObject={grace} />
          <CallStatusBanner />
        </>,
        { client, provider: { whileOnCall: 'allow' } },
      )
      const adaButton = screen.getByRole('button', { name: 'Call Ada Lovelace' })
      await user.click(adaButton)
      await waitFor(() => expect(adaButton).toHaveAccessibleName('Ada Lovelace, dialing'))
      expect(adaButton).toHaveAttribute('data-status', 'active')
      expect(adaButton).toHaveTextContent('Dialing')
      act(() => client.control.advance('sim-1'))
      act(() => client.control.advance('sim-1'))
      await waitFor(() => expect(adaButton).toHaveAccessibleName('Ada Lovelace, connected 00:00'))
      expect(adaButton).toHaveTextContent('Connected 00:00')

      await user.click(screen.getByRole('button', { name: 'Call Grace Hopper' }))
      const banner = screen.getByRole('status', { name: 'Call status' })
      await waitFor(() => expect(banner).toHaveTextContent('Grace Hopper'))
      for (let i = 0; i < 5; i++) await user.click(adaButton)
      expect(banner).toHaveTextContent('Ada Lovelace')
      expect(client.control.requests.map((r) => r.phoneNumber)).toEqual([
        '+14165550199',
        '+14165550123',
      ])
    })

    it('never dials twice however the clicks fall: fast, 150 ms apart, or after the start returned', async () => {
      const user = userEvent.setup()
      const onStarted = vi.fn()
      const client = createTestClient({ delays: { start: 100 } })
      renderWithCalls(
        <CallButton phoneNumber="+14165550199" associatedObject={ada} onStarted={onStarted} />,
        { client },
      )
      const button = screen.getByRole('button', { name: 'Call Ada Lovelace' })
      await user.click(button)
      await new Promise((resolve) => setTimeout(resolve, 150))
      await user.click(button)
      await waitFor(() => expect(button).toHaveAttribute('data-status', 'active'))
      for (let i = 0; i < 20; i++) await user.click(button)
      button.focus()
      await user.keyboard('{Enter>10/}')
      expect(client.control.requests).toHaveLength(1)
      expect(onStarted).toHaveBeenCalledTimes(1)
    })

    it('refuses another number while a call is live, with the reason under the button before any click', async () => {
      const user = userEvent.setup()
      const onError = vi.fn()
      const client = createTestClient({ delays: { ringing: 60_000 } })
      renderWithCalls(
        <>
          <CallButton phoneNumber="+14165550199" associatedObject={ada} />
          <CallButton phoneNumber="+14165550123" associatedObject={grace} onError={onError} />
        </>,
        { client },
      )
      await user.click(screen.getByRole('button', { name: 'Call Ada Lovelace' }))
      await screen.findByRole('button', { name: 'Ada Lovelace, dialing' })
      const graceButton = screen.getByRole('button', { name: 'Call Grace Hopper' })
      // Said before the click, in the page (no hover needed), and as the button's description.
      expect(
        screen.getByText('You are on a call with Ada Lovelace. Hang up or put it on hold first.'),
      ).toBeVisible()
      expect(graceButton).toHaveAccessibleDescription(/You are on a call with Ada Lovelace/)
      expect(graceButton).toHaveAttribute('aria-disabled', 'true')
      await user.click(graceButton)
      expect(onError).not.toHaveBeenCalled()
      expect(client.control.requests).toHaveLength(1)
    })

    it('shows the call of the number it has now when its phoneNumber changes, not the one it started before', async () => {
      const user = userEvent.setup()
      const client = createTestClient({ delays: { ringing: 60_000 } })
      const { rerender } = renderWithCalls(
        <CallButton phoneNumber="+14165550199" associatedObject={ada} />,
        { client, provider: { whileOnCall: 'allow' } },
      )
      await user.click(screen.getByRole('button', { name: 'Call Ada Lovelace' }))
      await screen.findByRole('button', { name: 'Ada Lovelace, dialing' })

      // The same button, moved to another contact (a list row reused for another record).
      rerender(<CallButton phoneNumber="+14165550123" associatedObject={grace} />)
      const button = screen.getByRole('button', { name: 'Call Grace Hopper' })
      expect(button).toHaveAttribute('data-status', 'idle')
      expect(button).toHaveTextContent('Call')
      await user.click(button)
      await waitFor(() => expect(button).toHaveAccessibleName('Grace Hopper, dialing'))
      expect(client.control.requests.map((r) => r.phoneNumber)).toEqual([
        '+14165550199',
        '+14165550123',
      ])

      // Back on the first number, it shows that number's call again.
      rerender(<CallButton phoneNumber="+14165550199" associatedObject={ada} />)
      expect(button).toHaveAccessibleName('Ada Lovelace, dialing')
    })
  })

  describe('bad props', () => {
    it.each([
      ['null', null],
      ['undefined', undefined],
      ['a number', 14165550199],
      ['an empty string', ''],
    ])('renders a disabled button with the reason for %s, and warns once', async (_, bad) => {
      const user = userEvent.setup()
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
      const { client, rerender } = renderWithCalls(
        <CallButton phoneNumber={bad as unknown as string} associatedObject={ada} />,
      )
      const button = screen.getByRole('button', { name: 'Call Ada Lovelace' })
      expect(button).toHaveAttribute('aria-disabled', 'true')
      expect(button).toHaveAttribute('data-disabled')
      expect(button).toHaveAccessibleDescription('No phone number to call.')
      await user.click(button)
      rerender(<CallButton phoneNumber={bad as unknown as string} associatedObject={ada} />)
      expect((client as ReturnType<typeof createTestClient>).control.requests).toHaveLength(0)
      expect(warn).toHaveBeenCalledTimes(1)
      expect(warn.mock.calls[0]![0]).toMatch(/CallButton: `phoneNumber` must be a non-empty string/)
      warn.mockRestore()
    })
  })
})

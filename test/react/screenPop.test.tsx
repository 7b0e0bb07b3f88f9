import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { InteractionAssociatedObject } from '../../src/core/index.js'
import { useInteraction, useStartCall } from '../../src/index.js'
import {
  CallerMatches,
  ScreenPopProvider,
  useCallerMatches,
  type ResolveCaller,
} from '../../src/screen-pop/index.js'
import {
  ada,
  createTestClient,
  renderWithCalls,
  type TestClient,
} from '../components/renderWithCalls.js'

const CALLER = '+14165550199'
const grace: InteractionAssociatedObject = {
  id: 'c-2',
  type: 'contact',
  displayName: 'Grace Hopper',
  displayType: 'Contact',
  customFields: {},
}
const hopperCase: InteractionAssociatedObject = {
  id: 'case-9',
  type: 'case',
  displayName: 'Grace Hopper: billing',
  displayType: 'Case',
  customFields: {},
}

/** The caller's name as the call's record has it, and the matches part. */
function CallView({ id }: { id: string }) {
  const call = useInteraction(id)
  const { status } = useCallerMatches(id)
  return (
    <section aria-label="Call">
      <p>Record: {call?.associatedObject?.displayName ?? 'none'}</p>
      <p>Lookup: {status}</p>
      <CallerMatches interactionId={id} />
    </section>
  )
}

function setup(
  resolveCaller: ResolveCaller,
  {
    ui = <CallView id="in-1" />,
    client = createTestClient(),
  }: { ui?: ReactNode; client?: TestClient } = {},
) {
  const onScreenPop = vi.fn()
  const rendered = renderWithCalls(
    <ScreenPopProvider resolveCaller={resolveCaller} onScreenPop={onScreenPop}>
      {ui}
    </ScreenPopProvider>,
    { client },
  )
  const ring = (id = 'in-1', phoneNumber: string | null = CALLER) =>
    act(() =>
      client.emit({
        type: 'status',
        status: 'ringing',
        direction: 'inbound',
        interactionId: id,
        at: Date.now(),
        ...(phoneNumber && { phoneNumber }),
      }),
    )
  return { ...rendered, client, onScreenPop, ring }
}

describe('screen pop', () => {
  it('makes the one match the call’s record at once and pops it, once', async () => {
    const resolveCaller = vi.fn<ResolveCaller>(async () => [ada])
    const { ring, onScreenPop } = setup(resolveCaller)
    ring()
    expect(await screen.findByText('Record: Ada Lovelace')).toBeInTheDocument()
    expect(resolveCaller).toHaveBeenCalledWith(
      CALLER,
      expect.objectContaining({ direction: 'inbound', interactionId: 'in-1' }),
    )
    await waitFor(() => expect(onScreenPop).toHaveBeenCalledTimes(1))
    expect(onScreenPop).toHaveBeenCalledWith(
      ada,
      expect.objectContaining({ id: 'in-1', status: 'ringing', associatedObject: ada }),
    )
  })

  it('shows “Looking up the caller…” while resolving', async () => {
    let answer!: (records: InteractionAssociatedObject[]) => void
    const { ring } = setup(() => new Promise((resolve) => (answer = resolve)))
    ring()
    expect(await screen.findByText('Looking up the caller…')).toBeInTheDocument()
    expect(screen.getByText('Lookup: resolving')).toBeInTheDocument()
    await act(async () => answer([ada]))
    expect(await screen.findByText('Record: Ada Lovelace')).toBeInTheDocument()
    expect(screen.queryByText('Looking up the caller…')).not.toBeInTheDocument()
  })

  it('lets the agent choose among several matches; the choice becomes the record and pops', async () => {
    const { ring, onScreenPop } = setup(async () => [grace, hopperCase])
    ring()
    const list = await screen.findByRole('list', { name: 'Records that match the caller' })
    expect(list).toBeInTheDocument()
    expect(onScreenPop).not.toHaveBeenCalled()
    expect(screen.getByText('Record: none')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Grace Hopper: billing Case' }))
    expect(await screen.findByText('Record: Grace Hopper: billing')).toBeInTheDocument()
    expect(screen.queryByRole('list')).not.toBeInTheDocument()
    expect(onScreenPop).toHaveBeenCalledTimes(1)
    expect(onScreenPop).toHaveBeenCalledWith(hopperCase, expect.objectContaining({ id: 'in-1' }))
  })

  it('pops null when nothing matches, and says so', async () => {
    const { ring, onScreenPop } = setup(async () => [])
    ring()
    expect(await screen.findByText('No record matches this number.')).toBeInTheDocument()
    await waitFor(() =>
      expect(onScreenPop).toHaveBeenCalledWith(null, expect.objectContaining({ id: 'in-1' })),
    )
    expect(onScreenPop).toHaveBeenCalledTimes(1)
  })

  it('pops null for a caller who withholds the number, without a lookup', async () => {
    const resolveCaller = vi.fn<ResolveCaller>(async () => [ada])
    const { ring, onScreenPop } = setup(resolveCaller)
    ring('in-1', null)
    await waitFor(() => expect(onScreenPop).toHaveBeenCalledWith(null, expect.anything()))
    expect(resolveCaller).not.toHaveBeenCalled()
  })

  it('asks the CRM once for two calls from the same number (cached per number)', async () => {
    const resolveCaller = vi.fn<ResolveCaller>(async () => [ada])
    const { ring, onScreenPop } = setup(resolveCaller, {
      ui: (
        <>
          <CallView id="in-1" />
          <CallView id="in-2" />
        </>
      ),
    })
    ring('in-1')
    await waitFor(() => expect(onScreenPop).toHaveBeenCalledTimes(1))
    ring('in-2')
    await waitFor(() => expect(onScreenPop).toHaveBeenCalledTimes(2))
    expect(screen.getAllByText('Record: Ada Lovelace')).toHaveLength(2)
    expect(resolveCaller).toHaveBeenCalledTimes(1)
  })

  it('aborts the lookup when the call ends first, and pops nothing', async () => {
    let signal: AbortSignal | undefined
    const { ring, client, onScreenPop } = setup(
      (_number, context) =>
        new Promise(() => {
          signal = context.signal
        }),
    )
    ring()
    await waitFor(() => expect(signal).toBeDefined())
    act(() =>
      client.emit({ type: 'ended', outcome: 'no-answer', interactionId: 'in-1', at: Date.now() }),
    )
    await waitFor(() => expect(signal!.aborted).toBe(true))
    expect(onScreenPop).not.toHaveBeenCalled()
  })

  it('pops nothing when the lookup fails, and tells the hook why', async () => {
    const { ring, onScreenPop } = setup(async () => {
      throw new Error('CRM is down')
    })
    ring()
    expect(await screen.findByText('Lookup: error')).toBeInTheDocument()
    expect(onScreenPop).not.toHaveBeenCalled()
  })

  it('pops the record an inbound call came with, without a lookup', async () => {
    const resolveCaller = vi.fn<ResolveCaller>(async () => [grace])
    const { client, onScreenPop } = setup(resolveCaller)
    act(() =>
      client.emit({
        type: 'status',
        status: 'ringing',
        direction: 'inbound',
        interactionId: 'in-1',
        phoneNumber: CALLER,
        associatedObject: ada,
        at: Date.now(),
      }),
    )
    await waitFor(() => expect(onScreenPop).toHaveBeenCalledWith(ada, expect.anything()))
    expect(resolveCaller).not.toHaveBeenCalled()
  })

  it('finds the record of a number dialed by hand, and leaves a call placed with a record alone', async () => {
    const resolveCaller = vi.fn<ResolveCaller>(async () => [ada])
    function Dial() {
      const start = useStartCall()
      return (
        <>
          <button onClick={() => start.mutate({ phoneNumber: CALLER })}>Dial by number</button>
          <button
            onClick={() => start.mutate({ phoneNumber: '+14165550100', associatedObject: grace })}
          >
            Call Grace
          </button>
          <CallView id="sim-1" />
        </>
      )
    }
    const { onScreenPop } = setup(resolveCaller, {
      ui: <Dial />,
      client: createTestClient(),
    })
    await userEvent.click(screen.getByRole('button', { name: 'Dial by number' }))
    expect(await screen.findByText('Record: Ada Lovelace')).toBeInTheDocument()
    expect(resolveCaller).toHaveBeenCalledWith(
      CALLER,
      expect.objectContaining({ direction: 'outbound', interactionId: 'sim-1' }),
    )
    await waitFor(() => expect(onScreenPop).toHaveBeenCalledWith(ada, expect.anything()))
    expect(resolveCaller).toHaveBeenCalledTimes(1)
  })

  it('throws a clear error when used outside ScreenPopProvider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(() => renderWithCalls(<CallView id="x" />)).toThrow(
      '`useCallerMatches` must be used within `ScreenPopProvider`.',
    )
    expect(() => render(<ScreenPopProvider resolveCaller={async () => []} />)).toThrow(
      '`ScreenPopProvider` must be used within `CallProvider`.',
    )
  })
})

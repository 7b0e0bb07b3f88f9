/**
 * Unmounting mid-call: no unhandled rejection, no React warning, nothing applied afterwards.
 */
import { act, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import {
  CallProvider,
  useActiveInteraction,
  useCallControls,
  useStartCall,
} from '../../src/index.js'
import { NUMBER, START_MS, disposeClients, elapse, simulated } from './helpers.js'

let errors: MockInstance<typeof console.error>
let warnings: MockInstance<typeof console.warn>
const rejections: unknown[] = []
const onRejection = (reason: unknown) => rejections.push(reason)

beforeEach(() => {
  vi.useFakeTimers()
  errors = vi.spyOn(console, 'error')
  warnings = vi.spyOn(console, 'warn')
  rejections.length = 0
  process.on('unhandledRejection', onRejection)
})

afterEach(() => {
  process.off('unhandledRejection', onRejection)
  disposeClients()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

function Phone() {
  const { startCall, status, error } = useStartCall()
  const active = useActiveInteraction()
  const controls = useCallControls(active?.id)
  return (
    <div>
      <button type="button" onClick={() => startCall(NUMBER)}>
        Call
      </button>
      <button type="button" onClick={() => void controls.hangup()}>
        Hang up
      </button>
      <p data-testid="start">{error ? error.code : status}</p>
      <p data-testid="call">{active ? `${active.id} ${active.status}` : 'none'}</p>
    </div>
  )
}

/** Lets every timer and promise settle, then checks nothing went wrong. */
async function expectQuietAfterwards() {
  await elapse(60_000)
  // Node reports unhandled rejections after a real turn of the event loop.
  vi.useRealTimers()
  await new Promise((resolve) => setTimeout(resolve, 0))
  expect(rejections).toEqual([])
  expect(errors).not.toHaveBeenCalled()
  expect(warnings).not.toHaveBeenCalled()
}

describe('unmounting mid-call', () => {
  it('the provider unmounted while a start is pending: the start is cancelled, quietly', async () => {
    const client = simulated()
    const { unmount } = render(
      <CallProvider client={client}>
        <Phone />
      </CallProvider>,
    )
    act(() => screen.getByRole('button', { name: 'Call' }).click())
    await elapse(START_MS / 2)
    expect(screen.getByTestId('start')).toHaveTextContent('pending')
    expect(client.control.requests).toHaveLength(1)

    unmount()
    await expectQuietAfterwards()
    expect(client.control.calls()).toEqual([])
  })

  it('the provider unmounted while a call is connected: later events are ignored, quietly', async () => {
    const client = simulated()
    const { unmount } = render(
      <CallProvider client={client}>
        <Phone />
      </CallProvider>,
    )
    act(() => screen.getByRole('button', { name: 'Call' }).click())
    await elapse(START_MS + 3000)
    expect(screen.getByTestId('call')).toHaveTextContent('sim-1 connected')

    unmount()
    await act(async () => {
      await client.hold('sim-1')
      client.control.end('sim-1')
    })
    await expectQuietAfterwards()
  })

  it('unmounted while a control is in flight: quiet', async () => {
    const client = simulated()
    const original = client.hangup.bind(client)
    client.hangup = (id: string) =>
      new Promise((resolve) => setTimeout(() => resolve(original(id)), 500))
    const { unmount } = render(
      <CallProvider client={client}>
        <Phone />
      </CallProvider>,
    )
    act(() => screen.getByRole('button', { name: 'Call' }).click())
    await elapse(START_MS + 3000)
    act(() => screen.getByRole('button', { name: 'Hang up' }).click())
    await elapse(100)
    unmount()
    await expectQuietAfterwards()
    expect(client.control.calls()[0]?.status).toBe('ended')
  })

  it('a button unmounted mid-start does not cancel the call: it reaches the store', async () => {
    const client = simulated()
    function Page() {
      const [shown, setShown] = useState(true)
      const active = useActiveInteraction()
      return (
        <>
          {shown && <Phone />}
          <button type="button" onClick={() => setShown(false)}>
            Close
          </button>
          <p data-testid="banner">{active ? `${active.id} ${active.status}` : 'none'}</p>
        </>
      )
    }
    render(
      <CallProvider client={client}>
        <Page />
      </CallProvider>,
    )
    act(() => screen.getByRole('button', { name: 'Call' }).click())
    await elapse(START_MS / 2)
    act(() => screen.getByRole('button', { name: 'Close' }).click())
    await elapse(START_MS)
    expect(screen.getByTestId('banner')).toHaveTextContent('sim-1 dialing')
    await expectQuietAfterwards()
  })
})

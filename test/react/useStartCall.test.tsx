import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { isCallError } from '../../src/core/index.js'
import { CallProvider, useDialpad, useInteraction, useStartCall } from '../../src/index.js'
import {
  NUMBER,
  START_MS,
  contact,
  disposeClients,
  elapse,
  renderCallHook,
  simulated,
} from './helpers.js'

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  disposeClients()
  vi.useRealTimers()
})

describe('useStartCall', () => {
  it('goes pending, then succeeds with the id, deferred: false and the number sent', async () => {
    const { result, client } = renderCallHook(() => useStartCall())
    expect(result.current.status).toBe('idle')

    act(() => result.current.startCall(NUMBER, contact))
    await elapse()
    expect(result.current.status).toBe('pending')
    expect(result.current.isPending).toBe(true)
    expect(result.current.variables).toEqual({ phoneNumber: NUMBER, associatedObject: contact })

    await elapse(START_MS)
    expect(result.current.status).toBe('success')
    expect(result.current.data).toEqual({
      id: 'sim-1',
      deferred: false,
      phoneNumber: NUMBER,
      joined: false,
    })
    expect(result.current.deferred).toBe(false)
    expect(result.current.error).toBeNull()
    expect(client.control.requests).toEqual([{ phoneNumber: NUMBER, initialObject: contact }])
  })

  it('sends the number as E.164 after formatting is stripped', async () => {
    const { result, client } = renderCallHook(() => useStartCall())
    act(() => result.current.startCall('+1 (416) 555-0199'))
    await elapse(START_MS)
    expect(result.current.data?.phoneNumber).toBe(NUMBER)
    expect(client.control.requests[0]?.phoneNumber).toBe(NUMBER)
  })

  it('fails an invalid number before the client is called, with an invalid_number CallError', async () => {
    const { result, client } = renderCallHook(() => useStartCall())
    act(() => result.current.startCall('call me maybe'))
    await elapse()
    expect(result.current.status).toBe('error')
    const { error } = result.current
    expect(isCallError(error)).toBe(true)
    expect(error?.code).toBe('invalid_number')
    expect(error?.message).toBe(
      '“call me maybe” is not a phone number. Use digits, with + and the country code for other countries.',
    )
    expect(client.control.requests).toEqual([])
  })

  it('refuses a local number without a country code unless a region is set', async () => {
    const { result, client } = renderCallHook(() => useStartCall())
    act(() => result.current.startCall('416 555 0199'))
    await elapse()
    expect(result.current.error?.code).toBe('invalid_number')
    expect(result.current.error?.message).toMatch(/country code/)
    expect(client.control.requests).toEqual([])
  })

  it('a deferred dial (id null) reports deferred: true and fills the dialpad draft', async () => {
    const client = simulated({ deferredDial: true })
    const { result } = renderCallHook(() => ({ start: useStartCall(), dialpad: useDialpad() }), {
      client,
    })
    act(() => result.current.start.startCall(NUMBER))
    await elapse(START_MS)
    expect(result.current.start.status).toBe('success')
    expect(result.current.start.data).toEqual({
      id: null,
      deferred: true,
      phoneNumber: NUMBER,
      joined: false,
    })
    expect(result.current.start.deferred).toBe(true)
    expect(result.current.dialpad.value).toBe(NUMBER)
    expect(result.current.dialpad.source).toBe('prefill')
    expect(client.control.calls()).toEqual([])
  })

  it('dialMode="prefill" fills the dialpad without calling the client; a confirmed start then dials', async () => {
    const { result, client } = renderCallHook(
      () => ({ start: useStartCall(), dialpad: useDialpad() }),
      {
        provider: { dialMode: 'prefill' },
      },
    )
    act(() => result.current.start.startCall('+1 416-555-0199'))
    await elapse()
    expect(result.current.start.data).toEqual({
      id: null,
      deferred: true,
      phoneNumber: NUMBER,
      joined: false,
    })
    expect(result.current.dialpad).toMatchObject({ value: NUMBER, source: 'prefill' })
    expect(client.control.requests).toEqual([])

    act(() => result.current.dialpad.submit())
    await elapse(START_MS)
    expect(client.control.requests).toEqual([{ phoneNumber: NUMBER }])
    expect(result.current.dialpad.start.data).toEqual({
      id: 'sim-1',
      deferred: false,
      phoneNumber: NUMBER,
      joined: false,
    })
  })

  it('100 rapid starts for the same number while one is pending reach the client once', async () => {
    const { result, client } = renderCallHook(() => useStartCall())
    act(() => {
      for (let i = 0; i < 100; i += 1) result.current.startCall(i % 2 ? NUMBER : '+1 416 555 0199')
    })
    await elapse(START_MS)
    expect(client.control.requests).toHaveLength(1)
    expect(client.control.calls()).toHaveLength(1)
    expect(result.current.data).toEqual({
      id: 'sim-1',
      deferred: false,
      phoneNumber: NUMBER,
      joined: true,
    })
  })

  it('two components starting the same number at once share one request', async () => {
    const client = simulated()
    function Button({ label }: { label: string }) {
      const { startCall, data } = useStartCall()
      return (
        <button type="button" onClick={() => startCall(NUMBER)}>
          {label} {data?.id ?? 'none'}
        </button>
      )
    }
    render(
      <CallProvider client={client}>
        <Button label="Header" />
        <Button label="Row" />
      </CallProvider>,
    )
    // fireEvent, not user-event: user-event waits on a real setTimeout that fake timers hold back.
    for (let i = 0; i < 50; i += 1) {
      fireEvent.click(screen.getByRole('button', { name: /Header/ }))
      fireEvent.click(screen.getByRole('button', { name: /Row/ }))
    }
    await elapse(START_MS)
    expect(client.control.requests).toHaveLength(1)
    expect(screen.getByRole('button', { name: 'Header sim-1' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Row sim-1' })).toBeInTheDocument()
  })

  it('a second start after the first settled joins the live call; once it ended, a start dials again', async () => {
    const onSuccess = vi.fn()
    const { result, client } = renderCallHook(() => useStartCall({ onSuccess }))
    act(() => result.current.startCall(NUMBER))
    await elapse(START_MS)
    act(() => result.current.startCall(NUMBER))
    await elapse()
    expect(client.control.requests).toHaveLength(1)
    expect(result.current.data).toMatchObject({ id: 'sim-1', joined: true })
    expect(onSuccess).toHaveBeenCalledTimes(1)
    act(() => client.control.end('sim-1'))
    act(() => result.current.startCall(NUMBER))
    await elapse(START_MS)
    expect(client.control.requests).toHaveLength(2)
    expect(result.current.data?.id).toBe('sim-2')
    expect(onSuccess).toHaveBeenCalledTimes(2)
  })

  it('runs onSuccess and onError once per start that reached the client, not per joined click', async () => {
    const onSuccess = vi.fn()
    const onError = vi.fn()
    const client = simulated()
    const { result } = renderCallHook(() => useStartCall({ onSuccess, onError }), { client })
    act(() => {
      for (let i = 0; i < 10; i += 1) result.current.startCall(NUMBER)
    })
    await elapse(START_MS)
    expect(onSuccess).toHaveBeenCalledTimes(1)
    act(() => client.control.end('sim-1'))
    client.control.failNextStart('provider_error', 'The carrier is down.')
    act(() => {
      for (let i = 0; i < 10; i += 1) result.current.startCall(NUMBER)
    })
    await elapse(START_MS)
    expect(onError).toHaveBeenCalledTimes(1)
    expect(client.control.requests).toHaveLength(2)
  })

  it('a failed start sets error and is never retried', async () => {
    const client = simulated()
    client.control.failNextStart('provider_error', 'The carrier is down.')
    const { result } = renderCallHook(() => useStartCall(), { client })
    act(() => result.current.startCall(NUMBER))
    await elapse(START_MS)
    expect(result.current.status).toBe('error')
    expect(result.current.error?.code).toBe('provider_error')
    expect(result.current.error?.message).toBe('The carrier is down.')
    expect(result.current.failureCount).toBe(1)
    await elapse(60_000)
    expect(client.control.requests).toHaveLength(1)
    expect(result.current.status).toBe('error')
  })

  it('reset clears the result', async () => {
    const { result } = renderCallHook(() => useStartCall())
    act(() => result.current.startCall('x'))
    await elapse()
    expect(result.current.error).not.toBeNull()
    act(() => result.current.reset())
    await elapse()
    expect(result.current.status).toBe('idle')
    expect(result.current.error).toBeNull()
    expect(result.current.data).toBeUndefined()
    expect(result.current.deferred).toBe(false)
  })

  it('a provider timeout ("Timeout error") is an error with code timeout', async () => {
    const client = simulated({ outcome: 'timeout' })
    const { result } = renderCallHook(() => useStartCall(), { client })
    act(() => result.current.startCall(NUMBER))
    await elapse(START_MS)
    expect(result.current.status).toBe('error')
    expect(result.current.error?.code).toBe('timeout')
    expect(result.current.error?.provider).toMatchObject({
      provider: 'simulated',
      message: 'Timeout error',
    })
    expect(result.current.deferred).toBe(false)
  })

  it('passes mutation options through (onSuccess, onError)', async () => {
    const onSuccess = vi.fn()
    const onError = vi.fn()
    const { result } = renderCallHook(() => useStartCall({ onSuccess, onError }))
    act(() => result.current.startCall(NUMBER))
    await elapse(START_MS)
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(onSuccess.mock.calls[0]?.[0]).toEqual({
      id: 'sim-1',
      deferred: false,
      phoneNumber: NUMBER,
      joined: false,
    })
    act(() => result.current.startCall('nope'))
    await elapse()
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'invalid_number' })
  })

  it('the started call shows up in the store through the client events', async () => {
    const { result } = renderCallHook(() => {
      const start = useStartCall()
      return { start, call: useInteraction(start.data?.id) }
    })
    act(() => result.current.start.startCall(NUMBER, contact))
    await elapse(START_MS)
    expect(result.current.call).toMatchObject({
      id: 'sim-1',
      status: 'dialing',
      associatedObject: contact,
    })
    await elapse(3000)
    expect(result.current.call?.status).toBe('connected')
  })
})

import { QueryClient } from '@tanstack/react-query'
import { act, render, renderHook, waitFor } from '@testing-library/react'
import metadata from 'libphonenumber-js/min/metadata'
import type { ReactNode } from 'react'
import { createCallStore } from '../../src/core/createCallStore.js'
import { NO_CAPABILITIES } from '../../src/core/CallClient.js'
import { createPhoneNumberParser } from '../../src/phone/index.js'
import { CallProvider, type CallProviderProps } from '../../src/react/CallProvider.js'
import { useCallControls } from '../../src/react/useCallControls.js'
import { useCallDuration } from '../../src/react/useCallDuration.js'
import { useActiveInteraction } from '../../src/react/useCallStore.js'
import { useDialpad, type UseDialpadResult } from '../../src/react/useDialpad.js'
import { usePhoneNumber } from '../../src/react/usePhoneNumber.js'
import { ada, createTestClient, type TestClient } from './renderWithCalls.js'

/** The hooks the components needed, tested on their own. */
function wrapperFor(client: TestClient, props: Partial<CallProviderProps> = {}) {
  const queryClient = new QueryClient()
  return ({ children }: { children: ReactNode }) => (
    <CallProvider client={client} queryClient={queryClient} {...props}>
      {children}
    </CallProvider>
  )
}

describe('usePhoneNumber', () => {
  it('checks a number and formats it with the provider metadata, else shows it as given', () => {
    const client = createTestClient()
    const withMetadata = renderHook(() => usePhoneNumber('+14165550199'), {
      wrapper: wrapperFor(client, { phoneNumbers: createPhoneNumberParser(metadata) }),
    })
    expect(withMetadata.result.current.display).toBe('+1 416 555 0199')
    expect(withMetadata.result.current.result.ok).toBe(true)
    const without = renderHook(() => usePhoneNumber(' +14165550199 '), {
      wrapper: wrapperFor(client),
    })
    expect(without.result.current.display).toBe('+14165550199')
    const invalid = renderHook(() => usePhoneNumber('hello'), { wrapper: wrapperFor(client) })
    expect(invalid.result.current.result.ok).toBe(false)
    expect(invalid.result.current.display).toBe('hello')
  })
})

describe('useCallDuration', () => {
  afterEach(() => vi.useRealTimers())

  it('is null before connect, ticks every second while live, and freezes when the call ends', async () => {
    vi.useFakeTimers({ now: 1_000_000 })
    const { result, rerender } = renderHook(
      (call: Parameters<typeof useCallDuration>[0]) => useCallDuration(call),
      {
        initialProps: { status: 'ringing' },
      },
    )
    expect(result.current).toBeNull()
    rerender({ status: 'connected', connectedAt: 1_000_000 })
    expect(result.current).toBe(0)
    await act(() => vi.advanceTimersByTimeAsync(2_500))
    expect(result.current).toBe(2_500 - 500)
    await act(() => vi.advanceTimersByTimeAsync(500))
    expect(result.current).toBe(3_000)
    rerender({ status: 'ended', connectedAt: 1_000_000, endedAt: 1_004_200 })
    await act(() => vi.advanceTimersByTimeAsync(10_000))
    expect(result.current).toBe(4_200)
  })
})

describe('useCallControls', () => {
  it('keeps the DTMF tones a call accepted, and dismisses a call from the banner', async () => {
    const client = createTestClient({ delays: { answer: 5 } })
    const { result } = renderHook(
      () => {
        const call = useActiveInteraction()
        return { call, controls: useCallControls(call?.id) }
      },
      { wrapper: wrapperFor(client) },
    )
    await act(() => client.startCall('+14165550199', ada))
    await waitFor(() => expect(result.current.call?.status).toBe('connected'))
    expect(result.current.controls.tones).toBe('')
    await act(() => result.current.controls.sendDtmf('12'))
    await act(() => result.current.controls.sendDtmf('#'))
    expect(result.current.controls.tones).toBe('12#')
    await act(() => result.current.controls.sendDtmf('x'))
    await waitFor(() => expect(result.current.controls.error?.code).toBe('invalid_argument'))
    expect(result.current.controls.tones).toBe('12#')
    await act(() => result.current.controls.hangup())
    await waitFor(() => expect(result.current.call?.status).toBe('ended'))
    act(() => result.current.controls.dismiss())
    expect(result.current.call).toBeUndefined()
  })
})

describe('useDialpad', () => {
  it('is controlled by value and onValueChange, and reports a prefill through both callbacks', async () => {
    const client = createTestClient()
    const onValueChange = vi.fn()
    const onPrefill = vi.fn()
    const { result, rerender } = renderHook(
      (value: string) => useDialpad({ value, onValueChange, onPrefill }),
      {
        wrapper: wrapperFor(client),
        initialProps: '+1',
      },
    )
    act(() => result.current.setValue('+1 (4'))
    expect(onValueChange).toHaveBeenLastCalledWith('+14')
    expect(result.current.value).toBe('+1')
    rerender('+14')
    act(() => result.current.append('1'))
    expect(onValueChange).toHaveBeenLastCalledWith('+141')
    act(() => result.current.prefill('+442071838750'))
    expect(onValueChange).toHaveBeenLastCalledWith('+442071838750')
    expect(onPrefill).toHaveBeenCalledWith('+442071838750')
  })

  it('counts the deferred dials since mount, the same number twice too, and not the one before it', () => {
    const client = createTestClient()
    const onPrefill = vi.fn()
    const Wrapper = wrapperFor(client)
    const { result } = renderHook(() => useDialpad({ onPrefill }), { wrapper: Wrapper })
    expect(result.current.prefillCount).toBe(0)
    act(() => result.current.prefill('+14165550199'))
    act(() => result.current.prefill('+14165550199'))
    expect(result.current.prefillCount).toBe(2)
    expect(onPrefill).toHaveBeenCalledTimes(2)
    act(() => result.current.setValue('+1416'))
    expect(result.current.pendingDial).toBeNull()
    expect(result.current.prefillCount).toBe(2)

    // A dialpad mounted after a deferred dial does not count it; it counts the next one.
    let first!: UseDialpadResult
    let later!: UseDialpadResult
    function Later() {
      later = useDialpad()
      return null
    }
    function Page({ showLater }: { showLater: boolean }) {
      first = useDialpad()
      return showLater ? <Later /> : null
    }
    const { rerender } = render(<Page showLater={false} />, { wrapper: wrapperFor(client) })
    act(() => first.prefill('+14165550199'))
    rerender(<Page showLater />)
    expect(first.prefillCount).toBe(1)
    expect(later.prefillCount).toBe(0)
    act(() => first.prefill('+14165550100'))
    expect(later.prefillCount).toBe(1)
  })

  it('starts from defaultValue, uncontrolled', () => {
    const client = createTestClient()
    const { result } = renderHook(() => useDialpad({ defaultValue: 'tel: 555-0100' }), {
      wrapper: wrapperFor(client),
    })
    expect(result.current.value).toBe('5550100')
    act(() => result.current.backspace())
    expect(result.current.value).toBe('555010')
  })

  it('sends a deferred dial record along with its number on submit', async () => {
    const client = createTestClient()
    const { result } = renderHook(() => useDialpad(), { wrapper: wrapperFor(client) })
    act(() => result.current.prefill('+14165550199'))
    expect(result.current.source).toBe('prefill')
    // A prefill from the hook carries no record; a runtime prefill does (see the store test below).
    act(() => result.current.submit())
    await waitFor(() => expect(client.control.requests).toHaveLength(1))
    expect(client.control.requests[0]).toEqual({ phoneNumber: '+14165550199' })
  })
})

describe('the store draft', () => {
  it('keeps a prefill record with its number until the number is typed over', () => {
    const store = createCallStore({ capabilities: NO_CAPABILITIES })
    store.getState().prefill('+14165550199', ada)
    expect(store.getState().dialpad).toEqual({
      value: '+14165550199',
      source: 'prefill',
      pendingDial: { phoneNumber: '+14165550199', associatedObject: ada },
    })
    store.getState().setDraft('+1416555019')
    expect(store.getState().dialpad).toEqual({
      value: '+1416555019',
      source: 'typed',
      pendingDial: null,
    })
  })
})

import { act } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SimulatedClient } from '../../src/clients/simulated/index.js'
import type { CallClient, ControlResult } from '../../src/core/index.js'
import { defaultMessages, useCallControls, useInteraction } from '../../src/index.js'
import { NUMBER, START_MS, disposeClients, elapse, renderCallHook, simulated } from './helpers.js'

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  disposeClients()
  vi.useRealTimers()
})

/** Renders the controls and the record of call `sim-1`, and starts that call (connected by default). */
async function connectedCall(client: SimulatedClient = simulated(), { connect = true } = {}) {
  const rendered = renderCallHook(
    () => ({ controls: useCallControls('sim-1'), call: useInteraction('sim-1') }),
    { client },
  )
  const started = client.startCall(NUMBER)
  await elapse(START_MS)
  await started
  if (connect) await elapse(3000)
  return rendered
}

describe('useCallControls', () => {
  it("exposes the client's capabilities with the call's own over them", async () => {
    const client = simulated({ capabilities: { hold: false } })
    const { result, runtime } = await connectedCall(client)
    expect(result.current.controls.capabilities).toEqual({ ...client.capabilities, hold: false })

    act(() =>
      runtime.store.getState().dispatch({
        type: 'updated',
        interactionId: 'sim-1',
        at: Date.now(),
        seq: 100,
        capabilities: { dtmf: false, updateAssociatedObject: false },
      }),
    )
    expect(result.current.controls.capabilities).toEqual({
      deferredDial: true,
      hangup: true,
      hold: false,
      mute: true,
      dtmf: false,
      updateAssociatedObject: false,
      answer: true,
      decline: true,
    })

    act(() =>
      runtime.store.getState().dispatch({ type: 'capabilities', capabilities: { mute: false } }),
    )
    expect(result.current.controls.capabilities.mute).toBe(false)
    expect(result.current.controls.capabilities.dtmf).toBe(false)
  })

  it('hangup ends the call in the store', async () => {
    const { result } = await connectedCall()
    expect(result.current.call?.status).toBe('connected')
    await act(() => result.current.controls.hangup())
    expect(result.current.call).toMatchObject({ status: 'ended', outcome: 'completed' })
    expect(result.current.controls.error).toBeNull()
    expect(result.current.controls.pending).toBeNull()
  })

  it('hold, resume, mute, unmute and DTMF reach the call', async () => {
    const { result, client } = await connectedCall()
    await act(() => result.current.controls.hold())
    expect(result.current.call?.status).toBe('held')
    await act(() => result.current.controls.mute(true))
    expect(result.current.call?.muted).toBe(true)
    await act(() => result.current.controls.resume())
    expect(result.current.call?.status).toBe('connected')
    await act(() => result.current.controls.mute(false))
    expect(result.current.call?.muted).toBe(false)
    await act(() => result.current.controls.sendDtmf('42#'))
    expect(client.control.calls()[0]?.dtmf).toBe('42#')
    expect(result.current.controls.error).toBeNull()
  })

  it('a refused control keeps its CallError on error, without throwing, until the next control', async () => {
    const { result } = await connectedCall(simulated(), { connect: false })
    await expect(act(() => result.current.controls.hold())).resolves.toBeUndefined()
    expect(result.current.controls.error?.code).toBe('invalid_state')
    await act(() => result.current.controls.sendDtmf('1x'))
    expect(result.current.controls.error?.code).toBe('invalid_argument')
    await act(() => result.current.controls.hangup())
    expect(result.current.controls.error).toBeNull()
    expect(result.current.call?.status).toBe('ended')
  })

  it('a control the client does not have resolves not_supported into error, without throwing', async () => {
    const client = simulated()
    // A provider without hold, resume or DTMF at all (no methods).
    const bare = client as Partial<CallClient>
    delete bare.hold
    delete bare.resume
    delete bare.sendDtmf
    const { result } = await connectedCall(client)
    await expect(act(() => result.current.controls.hold())).resolves.toBeUndefined()
    expect(result.current.controls.error?.code).toBe('not_supported')
    expect(result.current.controls.error?.message).toBe(defaultMessages.notSupported)
    await act(() => result.current.controls.sendDtmf('1'))
    expect(result.current.controls.error?.code).toBe('not_supported')
    expect(result.current.call?.status).toBe('connected')
  })

  it('a capability the call does not have now resolves not_supported without asking the client', async () => {
    const client = simulated()
    const hold = vi.spyOn(client, 'hold')
    const { result, runtime } = await connectedCall(client)
    act(() =>
      runtime.store.getState().dispatch({
        type: 'updated',
        interactionId: 'sim-1',
        at: Date.now(),
        seq: 100,
        capabilities: { hold: false },
      }),
    )
    await act(() => result.current.controls.hold())
    expect(result.current.controls.error?.code).toBe('not_supported')
    expect(hold).not.toHaveBeenCalled()
    expect(result.current.call?.status).toBe('connected')
  })

  it('pending is the control in flight', async () => {
    const client = simulated()
    const original = client.hold.bind(client)
    let release: () => void = () => {}
    client.hold = (id: string) =>
      new Promise<ControlResult>((resolve) => {
        release = () => resolve(original(id))
      })
    const { result } = await connectedCall(client)
    expect(result.current.controls.pending).toBeNull()

    let done: Promise<void> | undefined
    act(() => {
      done = result.current.controls.hold()
    })
    await elapse()
    expect(result.current.controls.pending).toBe('hold')
    expect(result.current.call?.status).toBe('connected')

    await act(async () => {
      release()
      await done
    })
    expect(result.current.controls.pending).toBeNull()
    expect(result.current.call?.status).toBe('held')
  })

  it('pending names mute and unmute apart', async () => {
    const client = simulated()
    const original = client.mute.bind(client)
    const releases: (() => void)[] = []
    client.mute = (id: string, muted: boolean) =>
      new Promise<ControlResult>((resolve) => {
        releases.push(() => resolve(original(id, muted)))
      })
    const { result } = await connectedCall(client)
    act(() => void result.current.controls.mute(false))
    await elapse()
    expect(result.current.controls.pending).toBe('unmute')
    await act(async () => releases.shift()?.())
    act(() => void result.current.controls.mute(true))
    await elapse()
    expect(result.current.controls.pending).toBe('mute')
    await act(async () => releases.shift()?.())
    await elapse()
    expect(result.current.controls.pending).toBeNull()
  })

  it('tones lists the DTMF digits the call accepted, and starts over for another call', async () => {
    const client = simulated()
    const rendered = renderCallHook(({ id }: { id: string }) => useCallControls(id), {
      client,
      initialProps: { id: 'sim-1' },
    })
    for (const number of ['+14165550199', '+442079460018']) {
      const started = client.startCall(number)
      await elapse(START_MS)
      await started
    }
    await elapse(3000)
    const { result, rerender } = rendered
    expect(result.current.tones).toBe('')
    await act(() => result.current.sendDtmf('12'))
    await act(() => result.current.sendDtmf('x')) // refused: not a tone
    await act(() => result.current.sendDtmf('#'))
    expect(result.current.tones).toBe('12#')
    rerender({ id: 'sim-2' })
    expect(result.current.tones).toBe('')
  })

  it('dismiss takes the call off the banner without telling the provider', async () => {
    const client = simulated()
    const hangup = vi.spyOn(client, 'hangup')
    const { result, runtime } = await connectedCall(client)
    act(() => client.control.end('sim-1'))
    expect(runtime.store.getState().activeId).toBe('sim-1')
    act(() => result.current.controls.dismiss())
    expect(runtime.store.getState().activeId).toBeNull()
    expect(runtime.store.getState().history).toEqual(['sim-1'])
    expect(hangup).not.toHaveBeenCalled()
  })

  it('without an interaction id the controls do nothing', async () => {
    const client = simulated()
    const hangup = vi.spyOn(client, 'hangup')
    const { result } = renderCallHook(() => useCallControls(null), { client })
    await act(() => result.current.hangup())
    expect(hangup).not.toHaveBeenCalled()
    expect(result.current.error).toBeNull()
  })
})

describe('useCallControls: inbound calls', () => {
  it('answers and declines a ringing inbound call through the client', async () => {
    const client = simulated()
    const answered = client.control.ring({ from: NUMBER })
    const declined = client.control.ring({ from: '+14165550100' })
    const { result } = renderCallHook(
      () => ({
        a: useCallControls(answered),
        d: useCallControls(declined),
        answeredCall: useInteraction(answered),
        declinedCall: useInteraction(declined),
      }),
      { client },
    )
    await act(() => result.current.a.answer())
    expect(result.current.answeredCall?.status).toBe('connected')
    await act(() => result.current.d.decline())
    expect(result.current.declinedCall).toMatchObject({ status: 'ended', outcome: 'declined' })
  })

  it('refuses answer with not_supported where the provider cannot answer, before any request', async () => {
    const client = simulated({ capabilities: { answer: false } })
    const answer = vi.spyOn(client, 'answer')
    const id = client.control.ring({ from: NUMBER })
    const { result } = renderCallHook(() => useCallControls(id), { client })
    await act(() => result.current.answer())
    expect(result.current.error?.code).toBe('not_supported')
    expect(answer).not.toHaveBeenCalled()
  })
})

import { act, fireEvent } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useCallShortcuts, useInteraction, type CallShortcuts } from '../../src/index.js'
import { NUMBER, disposeClients, renderCallHook, simulated } from './helpers.js'

afterEach(disposeClients)

/** Presses a key chord on the page, as a person would. */
const press = (code: string, modifiers: Partial<Record<'altKey' | 'ctrlKey', boolean>> = {}) =>
  act(async () => {
    fireEvent.keyDown(document.body, { code, key: code.slice(-1).toLowerCase(), ...modifiers })
  })

function setup(shortcuts?: CallShortcuts) {
  const client = simulated()
  const id = client.control.ring({ from: NUMBER })
  const rendered = renderCallHook(
    () => {
      useCallShortcuts(shortcuts)
      return useInteraction(id)
    },
    { client },
  )
  return { ...rendered, client, id }
}

describe('useCallShortcuts', () => {
  it('answers with Alt+A, mutes with Alt+M, holds with Alt+O and hangs up with Alt+H', async () => {
    const { result } = setup()
    await act(async () => {})
    expect(result.current?.status).toBe('ringing')
    await press('KeyA', { altKey: true })
    expect(result.current?.status).toBe('connected')
    await press('KeyM', { altKey: true })
    expect(result.current?.muted).toBe(true)
    await press('KeyO', { altKey: true })
    expect(result.current?.status).toBe('held')
    await press('KeyO', { altKey: true })
    expect(result.current?.status).toBe('connected')
    await press('KeyH', { altKey: true })
    expect(result.current).toMatchObject({ status: 'ended', outcome: 'completed' })
  })

  it('declines with Alt+D', async () => {
    const { result } = setup()
    await act(async () => {})
    await press('KeyD', { altKey: true })
    expect(result.current).toMatchObject({ status: 'ended', outcome: 'declined' })
  })

  it('leaves a key alone when its control does not apply, so the browser keeps it', async () => {
    const { result } = setup()
    await act(async () => {})
    const event = new KeyboardEvent('keydown', { code: 'KeyO', altKey: true, cancelable: true })
    await act(async () => void document.body.dispatchEvent(event))
    // Hold does nothing while the call rings: the browser's Alt+O goes through.
    expect(event.defaultPrevented).toBe(false)
    expect(result.current?.status).toBe('ringing')
    // A key without Alt is typing, not a shortcut.
    await press('KeyA')
    expect(result.current?.status).toBe('ringing')
  })

  it('takes other keys, and false turns one off', async () => {
    const { result } = setup({ answer: 'Ctrl+Alt+1', decline: false })
    await act(async () => {})
    await press('KeyD', { altKey: true })
    await press('KeyA', { altKey: true })
    expect(result.current?.status).toBe('ringing')
    await press('Digit1', { altKey: true, ctrlKey: true })
    expect(result.current?.status).toBe('connected')
  })
})

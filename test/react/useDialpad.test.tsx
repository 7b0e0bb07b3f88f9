/** useDialpad through a small dialpad a person types into and clicks (real timers, user-event). */
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SimulatedClient } from '../../src/clients/simulated/index.js'
import { CallProvider, useDialpad, useStartCall, type UseDialpadOptions } from '../../src/index.js'
import { toDialable } from '../../src/react/useDialpad.js'
import { NUMBER, contact, disposeClients, simulated } from './helpers.js'

afterEach(() => {
  disposeClients()
})

const fast = () => simulated({ delays: { start: 5, ringing: 60_000, answer: 60_000 } })

function Dialpad(props: UseDialpadOptions) {
  const dialpad = useDialpad(props)
  return (
    <div>
      <input
        aria-label="Phone number"
        value={dialpad.value}
        onChange={(event) => dialpad.setValue(event.target.value)}
      />
      {['1', '2', '#', '+'].map((key) => (
        <button key={key} type="button" onClick={() => dialpad.append(key)}>
          Key {key}
        </button>
      ))}
      <button type="button" onClick={dialpad.backspace}>
        Delete
      </button>
      <button type="button" onClick={dialpad.clear}>
        Clear
      </button>
      <button
        type="button"
        onClick={() => dialpad.submit(contact)}
        disabled={!dialpad.validation?.ok}
      >
        Call
      </button>
      <p data-testid="source">{dialpad.source}</p>
      <p data-testid="validation">
        {dialpad.validation === null
          ? 'empty'
          : dialpad.validation.ok
            ? `${dialpad.validation.dialString.kind} ${dialpad.validation.dialString.value}`
            : dialpad.validation.error.message}
      </p>
      <p data-testid="started">{dialpad.start.data?.id ?? dialpad.start.status}</p>
    </div>
  )
}

function renderDialpad(client: SimulatedClient = fast(), props: UseDialpadOptions = {}) {
  const user = userEvent.setup()
  const utils = render(
    <CallProvider client={client}>
      <Dialpad {...props} />
    </CallProvider>,
  )
  return { user, client, input: screen.getByRole('textbox', { name: 'Phone number' }), ...utils }
}

describe('toDialable', () => {
  it.each([
    ['+1 (416) 555-0199', '+14165550199'],
    ['tel: 416.555.0199 ext 12', '416555019912'],
    ['1+2+3', '123'],
    ['++44', '+44'],
    ['*72#', '*72#'],
    ['call me', ''],
  ])('%j → %j', (input, output) => {
    expect(toDialable(input)).toBe(output)
  })
})

describe('useDialpad', () => {
  it('keeps only dialable characters from typing and pasting', async () => {
    const { user, input } = renderDialpad()
    await user.type(input, '+1 (416) abc 555-0199')
    expect(input).toHaveValue('+14165550199')
    await user.clear(input)
    await user.click(input)
    await user.paste('phone: 416.555.0199')
    expect(input).toHaveValue('4165550199')
    expect(screen.getByTestId('source')).toHaveTextContent('typed')
  })

  it('append, backspace and clear edit the number', async () => {
    const { user, input } = renderDialpad()
    await user.click(screen.getByRole('button', { name: 'Key +' }))
    await user.click(screen.getByRole('button', { name: 'Key 1' }))
    await user.click(screen.getByRole('button', { name: 'Key 2' }))
    await user.click(screen.getByRole('button', { name: 'Key #' }))
    expect(input).toHaveValue('+12#')
    await user.click(screen.getByRole('button', { name: 'Key +' })) // a + after the start is dropped
    expect(input).toHaveValue('+12#')
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    expect(input).toHaveValue('+12')
    await user.click(screen.getByRole('button', { name: 'Clear' }))
    expect(input).toHaveValue('')
  })

  it('validates the number with the provider rules; empty is null, not an error', async () => {
    const { user, input } = renderDialpad()
    expect(screen.getByTestId('validation')).toHaveTextContent('empty')
    expect(screen.getByRole('button', { name: 'Call' })).toBeDisabled()
    await user.type(input, '4165550199')
    expect(screen.getByTestId('validation')).toHaveTextContent(
      'Add the country code to “4165550199”, for example +1 for the US and Canada.',
    )
    expect(screen.getByRole('button', { name: 'Call' })).toBeDisabled()
    await user.clear(input)
    await user.type(input, '1001')
    expect(screen.getByTestId('validation')).toHaveTextContent('extension 1001')
    await user.clear(input)
    await user.type(input, NUMBER)
    expect(screen.getByTestId('validation')).toHaveTextContent(`e164 ${NUMBER}`)
    expect(screen.getByRole('button', { name: 'Call' })).toBeEnabled()
  })

  it('submit places a confirmed call with the number and the associated object', async () => {
    const { user, input, client } = renderDialpad()
    await user.type(input, NUMBER)
    await user.click(screen.getByRole('button', { name: 'Call' }))
    await waitFor(() => expect(screen.getByTestId('started')).toHaveTextContent('sim-1'))
    expect(client.control.requests).toEqual([{ phoneNumber: NUMBER, initialObject: contact }])
  })

  it('submit of a number the client deferred dials it', async () => {
    const client = simulated({ deferredDial: true, delays: { start: 5 } })
    const { user, input } = renderDialpad(client)
    await user.type(input, NUMBER)
    // The provider decides to defer (the number stays on the pad); pressing Call again dials it.
    await user.click(screen.getByRole('button', { name: 'Call' }))
    await waitFor(() => expect(client.control.requests).toHaveLength(1))
    expect(input).toHaveValue(NUMBER)
    await user.click(screen.getByRole('button', { name: 'Call' }))
    await waitFor(() => expect(screen.getByTestId('started')).toHaveTextContent('sim-1'))
  })

  it('a deferred dial from anywhere fills it, as a prefill, and calls onPrefill and onValueChange', async () => {
    const client = simulated({ deferredDial: true, delays: { start: 5 } })
    const onPrefill = vi.fn()
    const onValueChange = vi.fn()
    function Button() {
      const { startCall } = useStartCall()
      return (
        <button type="button" onClick={() => startCall('+1 416 555 0199')}>
          Call Ada
        </button>
      )
    }
    const user = userEvent.setup()
    render(
      <CallProvider client={client}>
        <Button />
        <Dialpad onPrefill={onPrefill} onValueChange={onValueChange} />
      </CallProvider>,
    )
    await user.click(screen.getByRole('button', { name: 'Call Ada' }))
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Phone number' })).toHaveValue(NUMBER),
    )
    expect(screen.getByTestId('source')).toHaveTextContent('prefill')
    expect(onPrefill).toHaveBeenCalledWith(NUMBER)
    expect(onValueChange).toHaveBeenCalledWith(NUMBER)
    expect(client.control.calls()).toEqual([])
  })

  it('starts from defaultValue when uncontrolled', () => {
    renderDialpad(fast(), { defaultValue: '+1 416-555-0199' })
    expect(screen.getByRole('textbox', { name: 'Phone number' })).toHaveValue(NUMBER)
  })

  it('controlled: shows value and reports changes through onValueChange only', async () => {
    const changes: string[] = []
    function Controlled() {
      const [value, setValue] = useState('+1')
      return (
        <Dialpad
          value={value}
          onValueChange={(next) => {
            changes.push(next)
            if (next.length <= 4) setValue(next)
          }}
        />
      )
    }
    const user = userEvent.setup()
    render(
      <CallProvider client={fast()}>
        <Controlled />
      </CallProvider>,
    )
    const input = screen.getByRole('textbox', { name: 'Phone number' })
    expect(input).toHaveValue('+1')
    await user.type(input, '4a16')
    // The parent refuses a fifth character: the input stays what the parent says.
    expect(input).toHaveValue('+141')
    expect(changes).toEqual(['+14', '+141', '+1416'])
  })

  it('two dialpads under one provider share the draft', async () => {
    const user = userEvent.setup()
    render(
      <CallProvider client={fast()}>
        <Dialpad />
        <Dialpad />
      </CallProvider>,
    )
    const [first, second] = screen.getAllByRole('textbox', { name: 'Phone number' })
    await user.type(first!, '123')
    expect(second).toHaveValue('123')
  })
})

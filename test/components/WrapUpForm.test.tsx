import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import {
  CallLogProvider,
  createMemoryCallLogStorage,
  RecentCalls,
  WrapUpForm,
} from '../../src/call-log/index.js'
import { CallProvider } from '../../src/index.js'
import { callAndHangUp, outcomes, renderWithLog } from './callLog.js'
import { createTestClient } from './renderWithCalls.js'

const form = () => screen.getByRole('form')
const notes = () => screen.getByRole('textbox', { name: 'Notes' })
const save = () => screen.getByRole('button', { name: 'Save' })

describe('WrapUpForm', () => {
  it('appears when a call ends, names the call, and logs the wrap-up once', async () => {
    const user = userEvent.setup()
    const { client, crm } = renderWithLog(<WrapUpForm />, { log: { dispositions: outcomes } })
    expect(screen.queryByRole('form')).toBeNull()

    const id = await callAndHangUp(client, 1_100)
    expect(form()).toHaveAttribute('data-status', 'editing')
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
      /^Ada Lovelace, \+14165550199, Completed, 00:01$/,
    )
    expect(form()).toHaveAccessibleName(/^Ada Lovelace/)

    await user.selectOptions(screen.getByRole('combobox', { name: 'Disposition' }), 'interested')
    await user.type(notes(), 'Wants the price list')
    await user.click(save())

    await waitFor(() => expect(form()).toHaveAttribute('data-status', 'saved'))
    expect(screen.getByRole('status')).toHaveTextContent('Call logged.')
    expect(crm.writes).toEqual([
      {
        entry: expect.objectContaining({
          interactionId: id,
          disposition: 'interested',
          notes: 'Wants the price list',
          outcome: 'completed',
        }),
        context: { idempotencyKey: id, attempt: 1 },
      },
    ])
  })

  it('writes once for a double click on Save', async () => {
    const user = userEvent.setup()
    const { client, crm } = renderWithLog(<WrapUpForm />)
    await callAndHangUp(client)
    await user.type(notes(), 'Left a voicemail')
    await user.dblClick(save())
    await waitFor(() => expect(form()).toHaveAttribute('data-status', 'saved'))
    await user.click(save())
    expect(crm.onCallLog).toHaveBeenCalledTimes(1)
  })

  it('keeps the typed notes through a failed write, announces it, and logs once it recovers', async () => {
    const user = userEvent.setup()
    const { client, crm } = renderWithLog(<WrapUpForm />, { log: { retryDelay: () => 200 } })
    await callAndHangUp(client)
    crm.fail(1)
    await user.type(notes(), 'Asked for a demo')
    await user.click(save())

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Not logged yet: The CRM did not answer (503). It will be retried; your notes are kept.',
    )
    expect(form()).toHaveAttribute('data-status', 'error')
    expect(notes()).toHaveValue('Asked for a demo')

    await waitFor(() => expect(form()).toHaveAttribute('data-status', 'saved'))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('status')).toHaveTextContent('Call logged.')
    expect(crm.writes).toHaveLength(1)
    expect(crm.onCallLog).toHaveBeenCalledTimes(2)
  })

  it('asks for a disposition before anything is sent when the wrap-up is required, and offers no Skip', async () => {
    const user = userEvent.setup()
    const { client, crm } = renderWithLog(<WrapUpForm />, {
      log: { wrapUp: 'required', dispositions: outcomes },
    })
    await callAndHangUp(client)
    expect(screen.queryByRole('button', { name: 'Skip' })).toBeNull()
    await user.type(notes(), 'No decision yet')
    await user.click(save())

    const select = screen.getByRole('combobox', { name: 'Disposition' })
    expect(select).toHaveAttribute('aria-invalid', 'true')
    expect(select).toHaveAccessibleDescription('Choose a disposition to save this call.')
    expect(select).toHaveFocus()
    expect(crm.onCallLog).not.toHaveBeenCalled()

    await user.selectOptions(select, 'callback')
    expect(select).not.toHaveAttribute('aria-invalid')
    await user.click(save())
    await waitFor(() => expect(crm.writes).toHaveLength(1))
    expect(crm.writes[0]!.entry).toMatchObject({
      disposition: 'callback',
      notes: 'No decision yet',
    })
  })

  it('skips the wrap-up: logs the call without notes and keeps focus in the form', async () => {
    const user = userEvent.setup()
    const { client, crm } = renderWithLog(<WrapUpForm />)
    await callAndHangUp(client)
    await user.click(screen.getByRole('button', { name: 'Skip' }))
    await waitFor(() => expect(form()).toHaveAttribute('data-status', 'saved'))
    expect(screen.queryByRole('button', { name: 'Skip' })).toBeNull()
    expect(save()).toHaveFocus()
    expect(crm.writes[0]!.entry).not.toHaveProperty('notes')
  })

  it('updates the same CRM record when the notes are edited after logging', async () => {
    const user = userEvent.setup()
    const { client, crm } = renderWithLog(<WrapUpForm />)
    const id = await callAndHangUp(client)
    await user.type(notes(), 'Interested')
    await user.click(save())
    await waitFor(() => expect(form()).toHaveAttribute('data-status', 'saved'))

    await user.type(notes(), '; sent the brochure')
    expect(form()).toHaveAttribute('data-status', 'editing')
    await user.click(save())
    await waitFor(() => expect(form()).toHaveAttribute('data-status', 'saved'))
    expect(crm.writes.map((w) => [w.context, w.entry.notes])).toEqual([
      [{ idempotencyKey: id, attempt: 1 }, 'Interested'],
      [{ idempotencyKey: id, attempt: 1, logId: 'task-1' }, 'Interested; sent the brochure'],
    ])
  })

  it('comes back after a reload in the middle of the wrap-up, notes included, and logs once', async () => {
    const user = userEvent.setup()
    const storage = createMemoryCallLogStorage()
    const first = renderWithLog(<WrapUpForm />, { log: { storage } })
    await callAndHangUp(first.client)
    await user.type(notes(), 'Typed before the reload')
    first.unmount()
    first.client.dispose()

    const second = renderWithLog(<WrapUpForm />, { log: { storage } })
    expect(notes()).toHaveValue('Typed before the reload')
    expect(screen.getByRole('heading')).toHaveTextContent(/^Ada Lovelace/)
    await user.click(save())
    await waitFor(() => expect(form()).toHaveAttribute('data-status', 'saved'))
    expect(first.crm.onCallLog).not.toHaveBeenCalled()
    expect(second.crm.writes.map((w) => w.entry.notes)).toEqual(['Typed before the reload'])
  })

  it('keeps typed notes when the form is hidden and shown again, and when the next call ends', async () => {
    const user = userEvent.setup()
    function Panel() {
      const [shown, setShown] = useState(true)
      return (
        <>
          <button type="button" onClick={() => setShown((value) => !value)}>
            Toggle wrap-up
          </button>
          {shown ? <WrapUpForm /> : null}
          <RecentCalls />
        </>
      )
    }
    const { client } = renderWithLog(<Panel />)
    const first = await callAndHangUp(client)
    await user.type(notes(), 'Asked about pricing')
    await user.click(screen.getByRole('button', { name: 'Toggle wrap-up' }))
    expect(screen.queryByRole('form')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Toggle wrap-up' }))
    expect(notes()).toHaveValue('Asked about pricing')

    // The next call ends: the form moves to it; the first call's notes wait behind its Log.
    const second = await callAndHangUp(client, 0, '+12025550147')
    expect(second).not.toBe(first)
    await waitFor(() => expect(notes()).toHaveValue(''))
    const rows = screen.getAllByRole('listitem')
    expect(rows).toHaveLength(2)
    await user.click(within(rows[1]!).getByRole('button', { name: /^Log the call with/ }))
    expect(notes()).toHaveValue('Asked about pricing')
  })

  it('takes controlled notes and reports changes', async () => {
    const user = userEvent.setup()
    const onNotesChange = vi.fn()
    const { client, crm } = renderWithLog(
      <WrapUpForm notes="From the app" onNotesChange={onNotesChange} />,
    )
    await callAndHangUp(client)
    expect(notes()).toHaveValue('From the app')
    await user.type(notes(), '!')
    expect(onNotesChange).toHaveBeenLastCalledWith('From the app!')
    await user.click(save())
    await waitFor(() => expect(crm.writes).toHaveLength(1))
    expect(crm.writes[0]!.entry.notes).toBe('From the app')
  })

  it('must be used within CallLogProvider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() =>
      render(
        <CallProvider client={createTestClient()}>
          <WrapUpForm />
        </CallProvider>,
      ),
    ).toThrow('`WrapUpForm` must be used within `CallLogProvider`.')
    expect(() =>
      render(
        <CallLogProvider userId="a" onCallLog={() => {}}>
          {null}
        </CallLogProvider>,
      ),
    ).toThrow('`CallLogProvider` must be used within `CallProvider`.')
  })
})

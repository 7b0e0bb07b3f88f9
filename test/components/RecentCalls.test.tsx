import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { RecentCalls, WrapUpForm } from '../../src/call-log/index.js'
import { callAndHangUp, outcomes, renderWithLog } from './callLog.js'
import { createTestClient, renderWithCalls } from './renderWithCalls.js'

const list = () => screen.getByRole('list', { name: 'Recent calls' })

describe('RecentCalls', () => {
  it('says there is no call yet, then lists calls newest first with named rows', async () => {
    const { client } = renderWithLog(<RecentCalls />)
    expect(screen.getByText('No calls yet.')).toBeInTheDocument()
    await callAndHangUp(client, 1_100)
    await callAndHangUp(client, 0, '+14165550100')

    const rows = within(list()).getAllByRole('listitem')
    expect(rows).toHaveLength(2)
    expect(rows[0]).toHaveAccessibleName(/^Ada Lovelace, Outgoing, Completed, 00:00, /)
    expect(rows[1]).toHaveAccessibleName(/^Ada Lovelace, Outgoing, Completed, 00:01, /)
    expect(rows[0]).toHaveAttribute('data-direction', 'outbound')
    expect(rows[0]).toHaveAttribute('data-outcome', 'completed')
    expect(rows[0]).toHaveAttribute('data-log-status', 'wrap-up')
  })

  it('calls again from a row, with the call’s record', async () => {
    const user = userEvent.setup()
    const { client } = renderWithLog(<RecentCalls />)
    await callAndHangUp(client)
    const requests = client.control.requests.length
    await user.click(screen.getByRole('button', { name: 'Call again Ada Lovelace' }))
    await waitFor(() => expect(client.control.requests).toHaveLength(requests + 1))
    expect(client.control.requests.at(-1)).toMatchObject({
      phoneNumber: '+14165550199',
      initialObject: { displayName: 'Ada Lovelace' },
    })
  })

  it('opens the wrap-up of an unlogged call with Log, and shows Logged once it is written', async () => {
    const user = userEvent.setup()
    const { client, crm } = renderWithLog(
      <>
        <RecentCalls />
        <WrapUpForm />
      </>,
      { log: { dispositions: outcomes } },
    )
    const older = await callAndHangUp(client, 0, '+14165550100')
    await callAndHangUp(client)
    // The form shows the newest call; Log on the older row brings its wrap-up, focused.
    const rows = within(list()).getAllByRole('listitem')
    await user.click(
      within(rows[1]!).getByRole('button', { name: 'Log the call with Ada Lovelace' }),
    )
    expect(screen.getByRole('combobox', { name: 'Disposition' })).toHaveFocus()
    expect(screen.getByRole('heading')).toHaveTextContent('+14165550100')
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'Wrong number')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() =>
      expect(
        within(rows[1]!).getByRole('button', { name: 'Logged: edit the call with Ada Lovelace' }),
      ).toHaveAttribute('data-logged'),
    )
    expect(rows[1]).toHaveAttribute('data-log-status', 'logged')
    expect(crm.writes.map((w) => w.entry.interactionId)).toEqual([older])
  })

  it('lists the session’s calls without a call log, with no Log button', async () => {
    const client = createTestClient()
    renderWithCalls(<RecentCalls />, { client })
    await callAndHangUp(client)
    const row = within(list()).getByRole('listitem')
    expect(within(row).getByRole('button', { name: 'Call again Ada Lovelace' })).toBeEnabled()
    expect(within(row).queryByRole('button', { name: /Log/ })).toBeNull()
    expect(row).not.toHaveAttribute('data-log-status')
  })
})

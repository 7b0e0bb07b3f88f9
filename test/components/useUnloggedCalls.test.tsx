import { screen, waitFor, within } from '@testing-library/react'
import {
  createMemoryCallLogStorage,
  useUnloggedCalls,
  WrapUpForm,
  callLogStatus,
} from '../../src/call-log/index.js'
import userEvent from '@testing-library/user-event'
import { callAndHangUp, renderWithLog } from './callLog.js'

function Unlogged() {
  const calls = useUnloggedCalls()
  return (
    <ul aria-label="Unlogged calls">
      {calls.map((call) => (
        <li key={call.entry.interactionId}>
          {call.entry.interactionId} {callLogStatus(call)} {call.error?.message}
        </li>
      ))}
    </ul>
  )
}

const items = () =>
  within(screen.getByRole('list', { name: 'Unlogged calls' }))
    .queryAllByRole('listitem')
    .map((item) => item.textContent)

describe('useUnloggedCalls', () => {
  it('lists calls waiting for their wrap-up or their write, with the last error', async () => {
    const user = userEvent.setup()
    const { client, crm } = renderWithLog(
      <>
        <Unlogged />
        <WrapUpForm />
      </>,
      { log: { retryDelay: () => 60_000 } },
    )
    const id = await callAndHangUp(client)
    expect(items()).toEqual([`${id} wrap-up `])
    crm.fail(1)
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(items()).toEqual([`${id} pending The CRM did not answer (503).`]))
  })

  it('never shows one agent the unlogged calls of another on the same browser', async () => {
    const storage = createMemoryCallLogStorage()
    const grace = renderWithLog(<Unlogged />, { log: { storage, userId: 'grace' } })
    const id = await callAndHangUp(grace.client)
    expect(items()).toEqual([`${id} wrap-up `])
    grace.unmount()

    const alan = renderWithLog(<Unlogged />, { log: { storage, userId: 'alan' } })
    expect(items()).toEqual([])
    alan.unmount()

    renderWithLog(<Unlogged />, { log: { storage, userId: 'grace' } })
    expect(items()).toEqual([`${id} wrap-up `])
  })
})

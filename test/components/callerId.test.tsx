import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryCallLogStorage } from '../../src/call-log/index.js'
import { CallerIdSelect } from '../../src/caller-id/index.js'
import { callerIdStorageKey } from '../../src/core/callerIdStorageKey.js'
import { CallButton } from '../../src/components/CallButton.js'
import type { CallError } from '../../src/core/CallError.js'
import { useStartCall } from '../../src/react/useStartCall.js'
import { renderWithLog } from './callLog.js'
import { ada, createTestClient, renderWithCalls } from './renderWithCalls.js'

const toronto = { number: '+14165550100', label: 'Toronto office', default: true }
const ottawa = { number: '+16135550100', label: 'Ottawa office' }

describe('caller ID per call', () => {
  it('offers the numbers in a labelled select, calls from the chosen one and remembers it per user', async () => {
    const user = userEvent.setup()
    const storage = createMemoryCallLogStorage()
    const client = createTestClient({ callerIds: [toronto, ottawa] })
    const { unmount } = renderWithCalls(
      <>
        <CallerIdSelect userId="agent-7" storage={storage} />
        <CallButton phoneNumber="+14165550199" associatedObject={ada} />
      </>,
      { client },
    )
    const select = screen.getByRole('combobox', { name: 'Call from' })
    // The provider's default is chosen until the person chooses.
    await waitFor(() => expect(select).toHaveDisplayValue('Toronto office (+14165550100)'))
    await user.selectOptions(select, 'Ottawa office (+16135550100)')
    await user.click(screen.getByRole('button', { name: 'Call Ada Lovelace' }))
    await waitFor(() => expect(client.control.requests).toHaveLength(1))
    expect(client.control.requests[0]!.from).toBe(ottawa.number)
    expect(storage.getItem(callerIdStorageKey('simulated', 'agent-7'))).toBe(ottawa.number)
    unmount()

    // Next visit, same user: the last choice is back.
    renderWithCalls(<CallerIdSelect userId="agent-7" storage={storage} />, {
      client: createTestClient({ callerIds: [toronto, ottawa] }),
    })
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Call from' })).toHaveDisplayValue(
        'Ottawa office (+16135550100)',
      ),
    )
  })

  it('a CallButton `from` wins over the chosen number', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ callerIds: [toronto, ottawa] })
    renderWithCalls(
      <>
        <CallerIdSelect />
        <CallButton phoneNumber="+14165550199" associatedObject={ada} from={ottawa.number} />
      </>,
      { client },
    )
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Call from' })).toHaveDisplayValue(
        'Toronto office (+14165550100)',
      ),
    )
    await user.click(screen.getByRole('button', { name: 'Call Ada Lovelace' }))
    await waitFor(() => expect(client.control.requests).toHaveLength(1))
    expect(client.control.requests[0]!.from).toBe(ottawa.number)
  })

  it('refuses a number the person may not call from, and a choice the provider cannot make, before anything is sent', async () => {
    const user = userEvent.setup()
    const errors: CallError[] = []
    function Call({ from }: { from: string }) {
      const { startCall } = useStartCall({ onError: (error) => errors.push(error) })
      return (
        <button type="button" onClick={() => startCall('+14165550199', ada, { from })}>
          Call from {from}
        </button>
      )
    }
    const withList = createTestClient({ callerIds: [toronto] })
    const { unmount } = renderWithCalls(<Call from="+15555550100" />, { client: withList })
    await user.click(screen.getByRole('button', { name: 'Call from +15555550100' }))
    await waitFor(() => expect(errors).toHaveLength(1))
    expect(errors[0]!.code).toBe('invalid_argument')
    expect(errors[0]!.message).toBe(
      'You cannot call from +15555550100: choose one of your own numbers.',
    )
    expect(withList.control.requests).toHaveLength(0)
    unmount()

    // No choice on this provider: the select shows nothing, a `from` is refused.
    const without = createTestClient()
    renderWithCalls(
      <>
        <CallerIdSelect />
        <Call from={toronto.number} />
      </>,
      { client: without },
    )
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: `Call from ${toronto.number}` }))
    await waitFor(() => expect(errors).toHaveLength(2))
    expect(errors[1]!.code).toBe('not_supported')
    expect(errors[1]!.message).toBe('This phone system cannot choose the number a call comes from.')
    expect(without.control.requests).toHaveLength(0)
  })

  it('logs the number the call came from', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ callerIds: [toronto, ottawa] })
    const { crm } = renderWithLog(
      <CallButton phoneNumber="+14165550199" associatedObject={ada} from={ottawa.number} />,
      { client, log: { wrapUp: 'off' } },
    )
    await user.click(screen.getByRole('button', { name: 'Call Ada Lovelace' }))
    await screen.findByRole('button', { name: /Ada Lovelace, connected/ })
    const [call] = client.control.calls()
    await client.hangup(call!.id)
    await waitFor(() => expect(crm.writes).toHaveLength(1))
    expect(crm.writes[0]!.entry.from).toBe(ottawa.number)
  })
})

/**
 * Focus is never dropped to <body> when a view changes under a keyboard user: what replaced the
 * focused control (or the row now in its place) gets focus, by role and name.
 */
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import {
  CallLogProvider,
  createMemoryCallLogStorage,
  RecentCalls,
  WrapUpForm,
  type CallLogProviderProps,
} from '../../src/call-log/index.js'
import { CallerIdSelect } from '../../src/caller-id/index.js'
import {
  AssociatedObjectEditor,
  type AssociatedObjectEditorMode,
} from '../../src/components/AssociatedObjectEditor.js'
import { CallButton } from '../../src/components/CallButton.js'
import { CallStatusBanner } from '../../src/components/CallStatusBanner.js'
import { Dialpad } from '../../src/components/Dialpad.js'
import { Softphone } from '../../src/components/Softphone.js'
import { callAndHangUp, createCrm, outcomes, renderWithLog } from './callLog.js'
import { ada, createTestClient, renderWithCalls, ringWithMatches } from './renderWithCalls.js'

const grace = { ...ada, id: 'c-2', displayName: 'Grace Hopper' }
const alan = { ...ada, id: 'c-3', displayName: 'Alan Turing' }

describe('focus when a view changes', () => {
  it('banner: a listed call that ends gives focus to the row now in its place', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ delays: { answer: 5 } })
    renderWithCalls(<CallStatusBanner dismissAfterMs={null} />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await act(() => client.startCall('+442071838750', grace))
    await act(() => client.startCall('+33142685300', alan))
    const others = await screen.findByRole('list', { name: 'Other calls' })
    await waitFor(() => expect(within(others).getAllByRole('listitem')).toHaveLength(2))
    const graceCall = within(others).getByRole('group', { name: 'Call with Grace Hopper' })
    await waitFor(() => expect(graceCall).toHaveAttribute('data-status', 'connected'))

    await user.click(within(graceCall).getByRole('button', { name: 'Hang up' }))
    await waitFor(() => expect(within(others).getAllByRole('listitem')).toHaveLength(1))
    expect(screen.getByRole('button', { name: 'Switch to Ada Lovelace' })).toHaveFocus()
  })

  it('banner: Switch gives focus to the switched-to call’s Hang up', async () => {
    const user = userEvent.setup()
    const client = createTestClient({ delays: { answer: 5 } })
    renderWithCalls(<CallStatusBanner dismissAfterMs={null} />, { client })
    await act(() => client.startCall('+14165550199', ada))
    await act(() => client.startCall('+442071838750', grace))
    const others = await screen.findByRole('list', { name: 'Other calls' })
    await user.click(within(others).getByRole('button', { name: 'Switch to Ada Lovelace' }))
    // Ada's call is the banner's now, and Grace's is listed in its place.
    await screen.findByRole('group', { name: 'Call with Grace Hopper' })
    const controls = screen.getByRole('group', { name: 'Call controls' })
    expect(within(controls).getByRole('button', { name: 'Hang up' })).toHaveFocus()
  })

  it('banner: dismissing the last call gives focus back to the button that placed it', async () => {
    const user = userEvent.setup()
    renderWithCalls(
      <>
        <CallButton phoneNumber="+14165550199" associatedObject={ada} />
        <CallStatusBanner dismissAfterMs={null} />
      </>,
    )
    await user.tab()
    await user.keyboard('{Enter}')
    const hangUp = await screen.findByRole('button', { name: 'Hang up' })
    hangUp.focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Dismiss' })).toHaveFocus())
    await user.keyboard('{Enter}')
    expect(screen.getByRole('status', { name: 'Call status' })).toBeEmptyDOMElement()
    expect(screen.getByRole('button', { name: 'Call Ada Lovelace' })).toHaveFocus()
  })

  it.each([
    ['banner', <CallStatusBanner />, 'Grace Hopper Contact'],
    ['Softphone', <Softphone />, 'Ada Lovelace Contact'],
  ] as const)('%s: choosing the caller’s record gives focus to Answer', async (_, ui, record) => {
    const user = userEvent.setup()
    ringWithMatches(ui, [ada, grace])
    const list = await screen.findByRole('list', { name: 'Records that match the caller' })
    await user.click(within(list).getByRole('button', { name: record }))
    await waitFor(() => expect(screen.queryByRole('list')).not.toBeInTheDocument())
    expect(screen.getByRole('button', { name: 'Answer' })).toHaveFocus()
  })

  it('RecentCalls: a row pushed out by a new call gives focus to the same button of the last row', async () => {
    const { client } = renderWithLog(<RecentCalls limit={2} />)
    await callAndHangUp(client, 0, '+14165550100')
    await callAndHangUp(client, 0, '+14165550101')
    const rows = within(screen.getByRole('list', { name: 'Recent calls' })).getAllByRole('listitem')
    // The oldest row's Log: the next call pushes that row out of the list.
    within(rows[1]!).getByRole('button', { name: 'Log the call with Ada Lovelace' }).focus()
    await callAndHangUp(client, 0, '+14165550102')
    await waitFor(() => expect(rows[1]).not.toBeInTheDocument())
    const last = within(screen.getByRole('list', { name: 'Recent calls' })).getAllByRole(
      'listitem',
    )[1]!
    expect(
      within(last).getByRole('button', { name: 'Log the call with Ada Lovelace' }),
    ).toHaveFocus()
  })

  it('AssociatedObjectEditor: the app switching modes gives focus to the new mode’s field', async () => {
    const user = userEvent.setup()
    const Editor = ({ mode }: { mode: AssociatedObjectEditorMode }) => (
      <AssociatedObjectEditor defaultValue={ada} mode={mode} />
    )
    const { rerender } = renderWithCalls(<Editor mode="form" />)
    // Past the two mode buttons, to the first field.
    await user.tab()
    await user.tab()
    await user.tab()
    expect(screen.getByRole('textbox', { name: 'ID' })).toHaveFocus()
    rerender(<Editor mode="json" />)
    expect(screen.getByRole('textbox', { name: 'Associated object as JSON' })).toHaveFocus()
    rerender(<Editor mode="form" />)
    expect(screen.getByRole('textbox', { name: 'ID' })).toHaveFocus()
  })

  describe('WrapUpForm', () => {
    const Wrap = ({ children, ...log }: Partial<CallLogProviderProps>) => (
      <CallLogProvider userId="agent-7" storage={storage} onCallLog={crm.onCallLog} {...log}>
        {children}
      </CallLogProvider>
    )
    let storage = createMemoryCallLogStorage()
    let crm = createCrm()
    beforeEach(() => {
      storage = createMemoryCallLogStorage()
      crm = createCrm()
    })
    const app = (form: ReactNode, dispositions = outcomes) => (
      <Wrap dispositions={dispositions}>
        <RecentCalls />
        {form}
      </Wrap>
    )

    it('a disposition list that empties gives focus to the notes', async () => {
      const user = userEvent.setup()
      const client = createTestClient()
      const { rerender } = renderWithCalls(app(<WrapUpForm />), { client })
      await callAndHangUp(client)
      await user.click(screen.getByRole('button', { name: 'Log the call with Ada Lovelace' }))
      expect(screen.getByRole('combobox', { name: 'Disposition' })).toHaveFocus()
      rerender(app(<WrapUpForm />, []))
      expect(screen.queryByRole('combobox')).not.toBeInTheDocument()
      expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveFocus()
    })

    it('a form that goes blank gives focus back to where it came from', async () => {
      const user = userEvent.setup()
      const client = createTestClient()
      const { rerender } = renderWithCalls(app(<WrapUpForm />), { client })
      await callAndHangUp(client)
      await user.click(screen.getByRole('button', { name: 'Log the call with Ada Lovelace' }))
      await user.tab()
      expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveFocus()
      // The app shows the wrap-up of a call that has no entry: the form renders nothing.
      rerender(app(<WrapUpForm interactionId="sim-none" />))
      expect(screen.queryByRole('form')).not.toBeInTheDocument()
      expect(screen.getByRole('button', { name: 'Log the call with Ada Lovelace' })).toHaveFocus()
    })
  })

  it('CallerIdSelect: losing the caller-ID capability gives focus back to where it came from', async () => {
    const user = userEvent.setup()
    const client = createTestClient({
      callerIds: [{ number: '+14165550100', label: 'Toronto office', default: true }],
    })
    renderWithCalls(
      <>
        <CallButton phoneNumber="+14165550199" associatedObject={ada} />
        <CallerIdSelect />
      </>,
      { client },
    )
    const select = screen.getByRole('combobox', { name: 'Call from' })
    await waitFor(() => expect(select).toHaveDisplayValue('Toronto office (+14165550100)'))
    await user.tab()
    await user.tab()
    expect(select).toHaveFocus()
    act(() => client.emit({ type: 'capabilities', capabilities: { callerId: false } }))
    expect(select).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Call Ada Lovelace' })).toHaveFocus()
  })

  it('Softphone: its caller-ID select, gone with the capability, hands focus back to Call', async () => {
    const user = userEvent.setup()
    const client = createTestClient({
      callerIds: [{ number: '+14165550100', label: 'Toronto office', default: true }],
    })
    renderWithCalls(<Softphone callerId={<CallerIdSelect />} />, { client })
    const select = screen.getByRole('combobox', { name: 'Call from' })
    await waitFor(() => expect(select).toHaveDisplayValue('Toronto office (+14165550100)'))
    screen.getByRole('button', { name: 'Call' }).focus()
    await user.tab()
    expect(select).toHaveFocus()
    act(() => client.emit({ type: 'capabilities', capabilities: { callerId: false } }))
    expect(select).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Call' })).toHaveFocus()
  })

  it('CallButton: disabled by the app while focused, it keeps focus and stays reachable', async () => {
    const user = userEvent.setup()
    const client = createTestClient()
    const { rerender } = renderWithCalls(
      <CallButton phoneNumber="+14165550199" associatedObject={ada} />,
      { client },
    )
    await user.tab()
    rerender(<CallButton phoneNumber="+14165550199" associatedObject={ada} disabled />)
    const button = screen.getByRole('button', { name: 'Call Ada Lovelace' })
    expect(button).toHaveFocus()
    expect(button).toHaveAttribute('aria-disabled', 'true')
    await user.keyboard('{Enter}')
    expect(client.control.requests).toHaveLength(0)
    // A keyboard user comes back to it (and hears that it is disabled).
    await user.tab({ shift: true })
    await user.tab()
    expect(button).toHaveFocus()
  })

  it('Dialpad: disabled by the app while typing, focus goes to Call', async () => {
    const user = userEvent.setup()
    const { rerender } = renderWithCalls(<Dialpad />)
    await user.tab()
    await user.keyboard('4165550199')
    expect(screen.getByRole('textbox', { name: 'Phone number' })).toHaveFocus()
    rerender(<Dialpad disabled />)
    const call = screen.getByRole('button', { name: 'Call' })
    expect(call).toHaveFocus()
    expect(call).toHaveAttribute('aria-disabled', 'true')
  })
})

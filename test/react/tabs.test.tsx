import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSimulatedClient } from '../../src/clients/simulated/index.js'
import { CallProvider, CallStatusBanner, useStartCall } from '../../src/index.js'
import { sharedTabs, useTabRole } from '../../src/tabs/index.js'
import { createFakeBrowser } from '../core/tabs/fakeTabs.js'

let provider = createSimulatedClient()
beforeEach(() => {
  provider = createSimulatedClient({
    idPrefix: 'sim-',
    delays: { start: 5, ringing: 60_000, answer: 60_000 },
  })
})
afterEach(() => provider.dispose())

function Tab({ name }: { name: string }) {
  const role = useTabRole()
  const start = useStartCall()
  return (
    <section aria-label={name}>
      <p>Role: {role}</p>
      <button type="button" onClick={() => start.mutate({ phoneNumber: '+14165550199' })}>
        Call the front desk
      </button>
      <CallStatusBanner />
    </section>
  )
}

describe('CallProvider tabs', () => {
  it('is independent by default', () => {
    render(
      <CallProvider client={provider}>
        <Tab name="Only tab" />
      </CallProvider>,
    )
    expect(screen.getByText('Role: independent')).toBeInTheDocument()
  })

  it('shares one phone: a call started in the follower shows in both, and hangs up from the leader', async () => {
    const browser = createFakeBrowser()
    const user = userEvent.setup()
    render(
      <>
        <CallProvider client={provider} tabs={sharedTabs({ userId: 'agent-7', ...browser.tab(1) })}>
          <Tab name="First tab" />
        </CallProvider>
        <CallProvider client={provider} tabs={sharedTabs({ userId: 'agent-7', ...browser.tab(2) })}>
          <Tab name="Second tab" />
        </CallProvider>
      </>,
    )
    const first = within(screen.getByRole('region', { name: 'First tab' }))
    const second = within(screen.getByRole('region', { name: 'Second tab' }))
    await waitFor(() => expect(first.getByText('Role: leader')).toBeInTheDocument())
    expect(second.getByText('Role: follower')).toBeInTheDocument()

    await user.click(second.getByRole('button', { name: 'Call the front desk' }))
    await waitFor(() => expect(provider.control.requests).toHaveLength(1))
    const hangUp = await waitFor(() => first.getByRole('button', { name: /hang up/i }))
    await waitFor(() => expect(second.getByRole('button', { name: /hang up/i })).toBeEnabled())

    await user.click(hangUp)
    await waitFor(() => expect(second.queryByRole('button', { name: /hang up/i })).toBeNull())
    expect(provider.control.calls()[0]?.status).toBe('ended')
  })
})

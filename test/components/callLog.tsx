/** Shared setup for the call-log component tests: a CallLogProvider under renderWithCalls. */
import { act } from '@testing-library/react'
import type { ReactElement, ReactNode } from 'react'
import {
  CallLogProvider,
  createMemoryCallLogStorage,
  type CallLogEntry,
  type CallLogProviderProps,
  type CallLogWriteContext,
} from '../../src/call-log/index.js'
import { ada, createTestClient, renderWithCalls, type TestClient } from './renderWithCalls.js'

export const outcomes = [
  { value: 'interested', label: 'Interested' },
  { value: 'callback', label: 'Call back later' },
]

/** A CRM that records its writes; `fail(n)` makes the next n writes throw. */
export function createCrm() {
  const writes: { entry: CallLogEntry; context: CallLogWriteContext }[] = []
  let failures = 0
  const onCallLog = vi.fn(async (entry: CallLogEntry, context: CallLogWriteContext) => {
    if (failures > 0) {
      failures -= 1
      throw new Error('The CRM did not answer (503).')
    }
    writes.push({ entry, context })
    return { id: context.logId ?? `task-${writes.length}` }
  })
  return {
    onCallLog,
    writes,
    fail(times: number) {
      failures = times
    },
  }
}

export type LogProps = Partial<Omit<CallLogProviderProps, 'children'>>

/** Renders `ui` under a CallProvider and a CallLogProvider (user `agent-7`, memory storage by default). */
export function renderWithLog(
  ui: ReactElement,
  { client = createTestClient(), log = {} }: { client?: TestClient; log?: LogProps } = {},
) {
  const crm = createCrm()
  const props: CallLogProviderProps = {
    userId: 'agent-7',
    storage: createMemoryCallLogStorage(),
    onCallLog: crm.onCallLog,
    ...log,
  }
  const Log = ({ children }: { children: ReactNode }) => (
    <CallLogProvider {...props}>{children}</CallLogProvider>
  )
  const result = renderWithCalls(<Log>{ui}</Log>, { client })
  return { ...result, client, crm, props }
}

/** Places a call to Ada through the client, answers it, and hangs up after `talkMs`. */
export async function callAndHangUp(client: TestClient, talkMs = 0, phoneNumber = '+14165550199') {
  let id = ''
  await act(async () => {
    const result = await client.startCall(phoneNumber, ada)
    if (result.status !== 'success' || !result.data.id) throw new Error('start failed')
    id = result.data.id
    client.control.advance(id)
    client.control.advance(id)
  })
  if (talkMs) await act(() => new Promise((resolve) => setTimeout(resolve, talkMs)))
  await act(async () => {
    await client.hangup(id)
  })
  return id
}

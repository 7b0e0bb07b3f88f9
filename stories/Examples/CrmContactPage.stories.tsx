import type { Meta, StoryObj } from '@storybook/react-vite'
import { useCallback, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import {
  CallLogProvider,
  createMemoryCallLogStorage,
  RecentCalls,
  WrapUpForm,
  type CallLogEntry,
  type OnCallLog,
} from '../../src/call-log/index.js'
import type { SimulatedOutcome } from '../../src/clients/simulated/index.js'
import type { InteractionAssociatedObject } from '../../src/core/index.js'
import {
  AssociatedObjectEditor,
  CallButton,
  CallProvider,
  formatCallDuration,
  Softphone,
} from '../../src/index.js'
import { ScreenPopProvider, type ResolveCaller } from '../../src/screen-pop/index.js'
import {
  createStoryClient,
  phoneNumbers,
  storyClient,
  type StoryClient,
} from '../support/storyKit.js'

interface Contact {
  phone: string
  title: string
  company: string
  record: InteractionAssociatedObject
}

const contact = (
  id: string,
  name: string,
  phone: string,
  title: string,
  company: string,
): Contact => ({
  phone,
  title,
  company,
  record: {
    id,
    type: 'contact',
    displayName: name,
    displayType: 'Contact',
    customFields: { company, crmUrl: `https://crm.example.com/contacts/${id}` },
  },
})

const CONTACTS: Contact[] = [
  contact(
    '003A000001',
    'Ada Lovelace',
    '+14165550199',
    'Head of Analytics',
    'Analytical Engines Ltd',
  ),
  contact(
    '003A000002',
    'Grace Hopper',
    '+12025550147',
    'Rear Admiral, Engineering',
    'Harvard Computation Lab',
  ),
  contact(
    '003A000003',
    'Alan Turing',
    '+442079460018',
    'Principal Scientist',
    'Bletchley Park Trust',
  ),
  contact(
    '003A000004',
    'Katherine Johnson',
    '+17575550123',
    'Flight Dynamics Lead',
    'NASA Langley',
  ),
  contact(
    '003A000005',
    'Hedy Lamarr',
    '2047',
    'Inventor in residence (ext. 2047)',
    'Frequency Hopping Inc.',
  ),
  contact('003A000006', 'Charles Babbage', '4165550123', 'Founder', 'Difference Engines'),
]

const AVATAR_COLORS = ['#4f46e5', '#0e7490', '#b45309', '#be185d', '#15803d', '#6d28d9']

const OUTCOMES: { value: SimulatedOutcome; label: string }[] = [
  { value: 'answered', label: 'Answered' },
  { value: 'busy', label: 'Busy' },
  { value: 'no-answer', label: 'No answer' },
  { value: 'failed', label: 'Failed' },
  { value: 'timeout', label: 'Start times out' },
]

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((part) => part[0])
    .join('')
    .slice(0, 2)

/** The library's recent calls, in the softphone's slot: Call again, and Log / Logged per call. */
const recentCalls = (
  <section aria-labelledby="crm-recent-title">
    <h2 id="crm-recent-title" className="crm-recent-title">
      Recent calls
    </h2>
    <RecentCalls limit={6} />
  </section>
)

/** What the CRM keeps for a logged call: its own record id and the entry as last written. */
interface Activity {
  id: string
  entry: CallLogEntry
}

const DISPOSITIONS = [
  { value: 'interested', label: 'Interested' },
  { value: 'callback', label: 'Call back later' },
  { value: 'not-interested', label: 'Not interested' },
  { value: 'voicemail', label: 'Left a voicemail' },
]
const dispositionLabel = (value?: string) =>
  DISPOSITIONS.find((option) => option.value === value)?.label

/**
 * A CRM that stores call activities in memory, the way an app's `onCallLog` would call its API:
 * a create the first time, an update (same record) when `logId` is set.
 */
function useActivities() {
  const [activities, setActivities] = useState<Activity[]>([])
  const onCallLog = useCallback<OnCallLog>(async (entry, { logId }) => {
    await new Promise((resolve) => setTimeout(resolve, 300))
    const id = logId ?? `00T${entry.interactionId}`
    setActivities((current) => [{ id, entry }, ...current.filter((a) => a.id !== id)])
    return { id }
  }, [])
  return { activities, onCallLog }
}

/** The selected contact's activity: every call logged on the record, newest first. */
function ActivityCard({
  contact,
  activities,
}: {
  contact: InteractionAssociatedObject
  activities: Activity[]
}) {
  const own = activities.filter((activity) => activity.entry.associatedObject?.id === contact.id)
  return (
    <section className="crm-card crm-activity" aria-labelledby="crm-activity-title">
      <h2 id="crm-activity-title" className="crm-card-title">
        Activity for {contact.displayName}
      </h2>
      {own.length === 0 ? (
        <p className="crm-muted">No logged calls yet.</p>
      ) : (
        <ul aria-label={`Logged calls with ${contact.displayName}`}>
          {own.map(({ id, entry }) => (
            <li key={id}>
              <span className="crm-activity-title">
                Call · {entry.error ? 'Failed' : (entry.outcome ?? 'ended')} ·{' '}
                {formatCallDuration(entry.durationMs)}
                {entry.disposition
                  ? ` · ${dispositionLabel(entry.disposition) ?? entry.disposition}`
                  : ''}
              </span>
              {entry.notes ? <span className="crm-activity-notes">{entry.notes}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** Who rings the agent when the toolbar's Incoming call is pressed: a contact the CRM knows. */
const INCOMING_FROM = CONTACTS[1]!.phone

/** The simulated phone system's switches: what the next call does, and a call that rings in. */
function SimulatorToolbar({ client }: { client: StoryClient }) {
  const [outcome, setOutcome] = useState<SimulatedOutcome>('answered')
  const [deferred, setDeferred] = useState(false)
  return (
    <div className="crm-toolbar" role="group" aria-label="Simulated phone system">
      <span className="crm-toolbar-badge" aria-hidden="true">
        Simulator
      </span>
      <label>
        Simulated outcome{' '}
        <select
          value={outcome}
          onChange={(event) => {
            const next = event.target.value as SimulatedOutcome
            setOutcome(next)
            client.control.setOptions({ outcome: next })
          }}
        >
          {OUTCOMES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="crm-switch">
        <input
          type="checkbox"
          role="switch"
          checked={deferred}
          onChange={(event) => {
            setDeferred(event.target.checked)
            client.control.setOptions({ deferredDial: event.target.checked })
          }}
        />
        Deferred dial
      </label>
      <button
        type="button"
        className="crm-toolbar-button"
        onClick={() => client.control.ring({ from: INCOMING_FROM })}
      >
        Incoming call
      </button>
    </div>
  )
}

function CrmContactPage({ client }: { client: StoryClient }) {
  const [records, setRecords] = useState(
    () => new Map(CONTACTS.map((c) => [c.record.id, c.record])),
  )
  const [selectedId, setSelectedId] = useState(CONTACTS[0]!.record.id)
  const selected = records.get(selectedId)!
  const { activities, onCallLog } = useActivities()
  // In memory: each visit to the story starts with a clean log.
  const [storage] = useState(createMemoryCallLogStorage)
  // Screen pop: the CRM's search by number, as an app would query its API.
  const resolveCaller: ResolveCaller = async (phoneNumber) =>
    CONTACTS.filter((c) => c.phone === phoneNumber).map((c) => records.get(c.record.id)!)
  return (
    <CallProvider client={client} phoneNumbers={phoneNumbers}>
      <ScreenPopProvider
        resolveCaller={resolveCaller}
        onScreenPop={(record) => {
          // The caller's record opens: their call record and activity come up beside the call.
          if (record && records.has(record.id)) setSelectedId(record.id)
        }}
      >
        <CallLogProvider
          userId="agent-ada"
          onCallLog={onCallLog}
          dispositions={DISPOSITIONS}
          storage={storage}
        >
          <style>{CSS}</style>
          <div className="crm">
            <header className="crm-header">
              <div className="crm-brand">
                <span className="crm-brand-mark" aria-hidden="true">
                  N
                </span>
                Northwind CRM
              </div>
              <nav aria-label="Sections" className="crm-nav">
                <a href="#contacts" aria-current="page">
                  Contacts
                </a>
                <a href="#accounts">Accounts</a>
                <a href="#cases">Cases</a>
              </nav>
              <SimulatorToolbar client={client} />
            </header>
            <main className="crm-main">
              <div className="crm-content">
                <div className="crm-page-heading">
                  <h1>Contacts</h1>
                  <p className="crm-muted">
                    {CONTACTS.length} contacts · calls go through the simulated phone system
                  </p>
                </div>
                <section className="crm-card" aria-labelledby="crm-contacts-title">
                  <h2 id="crm-contacts-title" className="crm-visually-hidden">
                    Contact list
                  </h2>
                  <table className="crm-table">
                    <thead>
                      <tr>
                        <th scope="col">Name</th>
                        <th scope="col">Company</th>
                        <th scope="col">Phone</th>
                        <th scope="col">
                          <span className="crm-visually-hidden">Actions</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {CONTACTS.map((c, index) => {
                        const record = records.get(c.record.id)!
                        const isSelected = c.record.id === selectedId
                        return (
                          <tr key={c.record.id} data-selected={isSelected || undefined}>
                            <td>
                              <button
                                type="button"
                                className="crm-person"
                                aria-pressed={isSelected}
                                onClick={() => setSelectedId(c.record.id)}
                              >
                                <span
                                  className="crm-avatar"
                                  aria-hidden="true"
                                  style={{
                                    background: AVATAR_COLORS[index % AVATAR_COLORS.length],
                                  }}
                                >
                                  {initials(record.displayName)}
                                </span>
                                <span className="crm-person-text">
                                  <span className="crm-person-name">{record.displayName}</span>
                                  <span className="crm-muted">{c.title}</span>
                                </span>
                              </button>
                            </td>
                            <td>{c.company}</td>
                            <td>
                              <span dir="ltr" className="crm-phone">
                                {phoneNumbers(c.phone)?.formatted ?? c.phone}
                              </span>
                            </td>
                            <td className="crm-actions">
                              <CallButton phoneNumber={c.phone} associatedObject={record} />
                            </td>
                          </tr>
                        )
                      })}
                    </tbody>
                  </table>
                </section>
                <section className="crm-card crm-record" aria-labelledby="crm-record-title">
                  <h2 id="crm-record-title" className="crm-card-title">
                    Call record for {selected.displayName}
                  </h2>
                  <p className="crm-muted">
                    This record travels with every call to {selected.displayName}. Edit it as a form
                    or as JSON.
                  </p>
                  <AssociatedObjectEditor
                    key={selectedId}
                    value={selected}
                    onValueChange={(value) =>
                      setRecords((current) => new Map(current).set(selectedId, value))
                    }
                  />
                </section>
                <WrapUpForm />
                <ActivityCard contact={selected} activities={activities} />
              </div>
              <aside className="crm-dock" aria-label="Phone">
                <Softphone recentCalls={recentCalls} />
              </aside>
            </main>
          </div>
        </CallLogProvider>
      </ScreenPopProvider>
    </CallProvider>
  )
}

const meta = {
  title: 'Examples/CRM contact page',
  tags: ['!autodocs'],
  loaders: [
    async () => ({
      client: createStoryClient({
        // An incoming call rings for 20 s before it is missed, as a desk phone would.
        client: { delays: { start: 300, ringing: 1000, answer: 2000, noAnswer: 20_000 } },
      }),
    }),
  ],
  render: (_args, context) => <CrmContactPage client={storyClient(context)} />,
  parameters: { layout: 'fullscreen' },
} satisfies Meta

export default meta
type Story = StoryObj<typeof meta>

/**
 * A CRM's contact list with a CallButton per contact, the `Softphone` docked in the sidebar (its
 * keypad, the live call, and the call log's `RecentCalls` in its slot), the wrap-up that logs
 * each call to the contact's activity, and the editor for the record that travels with the call,
 * all on the simulated client. The toolbar switches the simulated outcome and Deferred Dial, and
 * rings the agent with an incoming call from Grace Hopper's number: the screen pop finds her
 * record, opens it, and the wrap-up logs the call on it.
 */
export const CrmContactPageStory: Story = {
  name: 'CRM contact page',
}

/** The main flow, played: call Ada, Dialing → Ringing → Connected, hang up, "Call ended". */
export const CallFlow: Story = {
  name: 'Call flow (played)',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const card = canvas.getByRole('status', { name: 'Call status' })
    await userEvent.click(canvas.getByRole('button', { name: 'Call Ada Lovelace' }))
    await waitFor(() => expect(card).toHaveTextContent('Dialing…'))
    await waitFor(() => expect(card).toHaveTextContent('Ringing…'), { timeout: 3000 })
    await waitFor(() => expect(card).toHaveTextContent('Connected'), { timeout: 4000 })
    await expect(within(card).getByRole('timer')).toHaveTextContent(/00:0\d/)
    await userEvent.click(canvas.getByRole('button', { name: 'Hang up' }))
    await waitFor(() => expect(card).toHaveTextContent('Call ended'))
  },
}

/** After the call, played: hang up, wrap up, and the call shows in the contact's activity. */
export const WrapUpFlow: Story = {
  name: 'Wrap-up and activity (played)',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const card = canvas.getByRole('status', { name: 'Call status' })
    await userEvent.click(canvas.getByRole('button', { name: 'Call Ada Lovelace' }))
    await waitFor(() => expect(card).toHaveTextContent(/Connected/), { timeout: 6000 })
    await userEvent.click(canvas.getByRole('button', { name: 'Hang up' }))
    const form = await canvas.findByRole('form', { name: /^Ada Lovelace/ })
    await userEvent.selectOptions(
      within(form).getByRole('combobox', { name: 'Disposition' }),
      'interested',
    )
    await userEvent.type(within(form).getByRole('textbox', { name: 'Notes' }), 'Wants a demo')
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(within(form).getByRole('status')).toHaveTextContent('Call logged.'))
    const activity = canvas.getByRole('list', { name: 'Logged calls with Ada Lovelace' })
    await expect(activity).toHaveTextContent('Interested')
    await expect(activity).toHaveTextContent('Wants a demo')
  },
}

/**
 * An incoming call, played: it rings from Grace Hopper's number, the screen pop finds and opens
 * her record, the agent answers, hangs up, and the wrap-up logs the call on her record.
 */
export const IncomingCallFlow: Story = {
  name: 'Incoming call (played)',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const card = canvas.getByRole('status', { name: 'Call status' })
    await userEvent.click(canvas.getByRole('button', { name: 'Incoming call' }))
    await waitFor(() => expect(card).toHaveTextContent('Incoming call'))
    await waitFor(() => expect(card).toHaveTextContent('Grace Hopper'))
    await waitFor(() =>
      expect(canvas.getByRole('heading', { name: 'Call record for Grace Hopper' })).toBeVisible(),
    )
    await userEvent.click(canvas.getByRole('button', { name: 'Answer' }))
    await waitFor(() => expect(card).toHaveTextContent('Connected'))
    await userEvent.click(canvas.getByRole('button', { name: 'Hang up' }))
    const form = await canvas.findByRole('form', { name: /^Grace Hopper/ })
    await userEvent.type(within(form).getByRole('textbox', { name: 'Notes' }), 'Called back')
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(within(form).getByRole('status')).toHaveTextContent('Call logged.'))
    const activity = canvas.getByRole('list', { name: 'Logged calls with Grace Hopper' })
    await expect(activity).toHaveTextContent('Called back')
  },
}

/** Deferred Dial, played: the number goes to the dialpad, whose Call button places the call. */
export const DeferredDialFlow: Story = {
  name: 'Deferred dial (played)',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('switch', { name: 'Deferred dial' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Call Grace Hopper' }))
    await waitFor(() =>
      expect(canvas.getByRole('textbox', { name: 'Phone number' })).toHaveValue('+12025550147'),
    )
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Call' })).toHaveFocus())
    await userEvent.keyboard('{Enter}')
    const card = canvas.getByRole('status', { name: 'Call status' })
    await waitFor(() => expect(card).toHaveTextContent('Grace Hopper'), { timeout: 3000 })
    await waitFor(() => expect(card).toHaveTextContent('Dialing…'))
  },
}

const CSS = `
.crm { min-height: 100vh; background: var(--rcc-color-surface); color: var(--rcc-color-text); font-family: var(--rcc-font-family); font-size: 14px; }
.crm h1, .crm h2 { margin: 0; }
.crm-muted { color: var(--rcc-color-text-muted); font-size: 13px; }
.crm-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.crm-header { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 28px; padding: 10px 24px; background: var(--rcc-color-background); border-block-end: 1px solid var(--rcc-color-border); }
.crm-brand { display: flex; align-items: center; gap: 10px; font-weight: 700; font-size: 15px; }
.crm-brand-mark { display: grid; place-items: center; width: 30px; height: 30px; border-radius: 8px; background: #4338ca; color: #fff; font-weight: 800; }
.crm-nav { display: flex; gap: 4px; }
.crm-nav a { padding: 6px 12px; border-radius: 8px; color: var(--rcc-color-text-muted); text-decoration: none; font-weight: 500; }
.crm-nav a[aria-current='page'] { background: var(--rcc-color-surface); color: var(--rcc-color-text); }
.crm-nav a:hover { color: var(--rcc-color-text); }
.crm-toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; margin-inline-start: auto; padding: 6px 12px; border: 1px dashed var(--rcc-color-border-strong); border-radius: 10px; font-size: 13px; }
.crm-toolbar-badge { padding: 2px 8px; border-radius: 999px; background: var(--rcc-color-held-subtle); color: var(--rcc-color-text); font-size: 11px; font-weight: 700; letter-spacing: .05em; text-transform: uppercase; }
.crm-toolbar select { margin-inline-start: 6px; height: 30px; padding: 0 8px; border: 1px solid var(--rcc-color-border-strong); border-radius: 6px; background: var(--rcc-color-background); color: var(--rcc-color-text); font: inherit; }
.crm-toolbar-button { height: 30px; padding: 0 12px; border: 1px solid var(--rcc-color-border-strong); border-radius: 6px; background: var(--rcc-color-background); color: var(--rcc-color-text); font: inherit; font-weight: 600; cursor: pointer; }
.crm-toolbar-button:hover { background: var(--rcc-color-surface-hover); }
.crm-toolbar-button:focus-visible { outline: 2px solid var(--rcc-color-focus); outline-offset: 2px; }
.crm-switch { display: inline-flex; align-items: center; gap: 8px; cursor: pointer; }
.crm-switch input { width: 16px; height: 16px; accent-color: var(--rcc-color-call); }
.crm-main { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 24px; max-width: 1320px; margin: 0 auto; padding: 24px; align-items: start; }
.crm-content { display: grid; gap: 20px; min-width: 0; }
.crm-page-heading h1 { font-size: 22px; font-weight: 700; }
.crm-page-heading p { margin: 4px 0 0; }
.crm-card { background: var(--rcc-color-background); border: 1px solid var(--rcc-color-border); border-radius: 12px; box-shadow: var(--rcc-shadow); }
.crm-card-title { font-size: 15px; font-weight: 600; }
.crm-table { width: 100%; border-collapse: collapse; }
.crm-table th { padding: 10px 16px; border-block-end: 1px solid var(--rcc-color-border); color: var(--rcc-color-text-muted); font-size: 12px; font-weight: 600; letter-spacing: .04em; text-align: start; text-transform: uppercase; }
.crm-table td { padding: 10px 16px; border-block-end: 1px solid var(--rcc-color-border); vertical-align: middle; }
.crm-table tr:last-child td { border-block-end: 0; }
.crm-table tr[data-selected] td { background: color-mix(in srgb, var(--rcc-color-focus) 7%, transparent); }
.crm-actions { width: 220px; text-align: end; white-space: nowrap; }
.crm-actions .rcc-CallButton-root { align-items: flex-end; }
.crm-actions .rcc-CallButton-message[data-kind='error'] { text-align: end; }
.crm-phone { font-variant-numeric: tabular-nums; white-space: nowrap; }
.crm-person { display: flex; align-items: center; gap: 12px; padding: 0; border: 0; background: none; color: inherit; font: inherit; text-align: start; cursor: pointer; }
.crm-person:focus-visible { outline: 2px solid var(--rcc-color-focus); outline-offset: 4px; border-radius: 6px; }
.crm-person:hover .crm-person-name { text-decoration: underline; }
.crm-avatar { display: grid; place-items: center; flex: none; width: 36px; height: 36px; border-radius: 999px; color: #fff; font-size: 13px; font-weight: 700; }
.crm-person-text { display: grid; }
.crm-person-name { font-weight: 600; }
.crm-record { display: grid; gap: 8px; padding: 20px; }
.crm-record p { margin: 0 0 8px; }
.crm-record .rcc-AssociatedObjectEditor { box-shadow: none; }
.crm-activity { padding: 16px 20px; }
.crm-activity ul { display: grid; gap: 8px; margin: 10px 0 0; padding: 0; list-style: none; }
.crm-activity li { display: grid; gap: 2px; padding: 8px 12px; border-inline-start: 3px solid var(--rcc-color-call); background: var(--rcc-color-surface); border-radius: 6px; }
.crm-activity-title { font-weight: 600; }
.crm-activity-notes { color: var(--rcc-color-text-muted); white-space: pre-wrap; }
.crm-activity p { margin: 8px 0 0; }
.crm-dock { min-width: 0; }
.crm-dock .rcc-Softphone { max-inline-size: none; --rcc-softphone-size: 880px; }
.crm-recent-title { margin: 0 0 2px; font-size: 13px; font-weight: 600; }
@media (max-width: 900px) { .crm-main { grid-template-columns: 1fr; } }
`

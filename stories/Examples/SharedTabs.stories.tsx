import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { expect, within } from 'storybook/test'
import { CallLogProvider, WrapUpForm, type CallLogEntry } from '../../src/call-log/index.js'
import { createSimulatedClient, simulatedCallStorage } from '../../src/clients/simulated/index.js'
import { CallButton, CallProvider, CallStatusBanner } from '../../src/index.js'
import { sharedTabs, useTabRole } from '../../src/tabs/index.js'
import { ada, phoneNumbers } from '../support/storyKit.js'

/** The CRM's activities, kept where every tab of the page reads them (the CRM's server, here). */
const ACTIVITIES = 'react-click-to-call:story:shared-tabs:activities'
const ACTIVITIES_CHANGED = 'shared-tabs-activities'

interface Activity {
  id: string
  name: string
  notes?: string
}

function readActivities(): string {
  return localStorage.getItem(ACTIVITIES) ?? '[]'
}

/** The CRM's write: one activity per `onCallLog` call, visible in every tab. */
async function saveActivity(entry: CallLogEntry) {
  const activities = JSON.parse(readActivities()) as Activity[]
  const activity: Activity = {
    id: `task-${activities.length + 1}`,
    name: entry.associatedObject?.displayName ?? entry.phoneNumber,
    ...(entry.notes && { notes: entry.notes }),
  }
  localStorage.setItem(ACTIVITIES, JSON.stringify([...activities, activity]))
  window.dispatchEvent(new Event(ACTIVITIES_CHANGED))
  return { id: activity.id }
}

function subscribeActivities(onChange: () => void) {
  window.addEventListener('storage', onChange)
  window.addEventListener(ACTIVITIES_CHANGED, onChange)
  return () => {
    window.removeEventListener('storage', onChange)
    window.removeEventListener(ACTIVITIES_CHANGED, onChange)
  }
}

function Activities() {
  const activities = JSON.parse(
    useSyncExternalStore(subscribeActivities, readActivities),
  ) as Activity[]
  return (
    <section aria-labelledby="shared-tabs-activities">
      <h2 id="shared-tabs-activities">Logged calls</h2>
      {activities.length === 0 ? (
        <p>No logged calls yet.</p>
      ) : (
        <ul aria-labelledby="shared-tabs-activities">
          {activities.map((activity) => (
            <li key={activity.id}>
              {activity.name}
              {activity.notes && `: ${activity.notes}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

const WHERE_THE_PHONE_IS = {
  leader: 'This tab holds the phone.',
  follower: 'The phone is connected in another tab: calls and controls go through it.',
  independent: 'This tab has its own phone.',
}

function PhoneTab() {
  return <p role="note">{WHERE_THE_PHONE_IS[useTabRole()]}</p>
}

// Module level, as an app would write it: the sharing's names are the same in every tab.
const tabs = sharedTabs({ userId: 'story-agent', channel: 'storybook-shared-tabs' })

/** One tab of the app: open the story in two or three tabs of one browser to share one phone. */
function SharedTabsPage() {
  // The simulated phone system keeps its calls in localStorage, as a provider's server keeps
  // them: a tab that takes over from a closed leader adopts them.
  const [client] = useState(() =>
    createSimulatedClient({
      callStorage: simulatedCallStorage(localStorage),
      delays: { start: 150, ringing: 600, answer: 900 },
    }),
  )
  useEffect(() => () => client.dispose(), [client])
  return (
    <CallProvider client={client} tabs={tabs} phoneNumbers={phoneNumbers}>
      <CallLogProvider userId="story-agent" onCallLog={saveActivity}>
        <main>
          <h1>Shared tabs</h1>
          <PhoneTab />
          <CallButton phoneNumber="+14165550199" associatedObject={ada} />
          <CallStatusBanner />
          <WrapUpForm />
          <Activities />
        </main>
      </CallLogProvider>
    </CallProvider>
  )
}

const meta = {
  title: 'Examples/Shared tabs',
  component: SharedTabsPage,
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'One phone shared by the tabs of one app and one user (`tabs={sharedTabs({ userId })}`). Open this story in two or three tabs: a call started in one shows in all and can be hung up from any; close the tab that holds the phone and another takes over; a wrap-up saved in any tab is logged once.',
      },
    },
  },
} satisfies Meta<typeof SharedTabsPage>

export default meta
type Story = StoryObj<typeof meta>

export const SharedTabs: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    // Alone, the tab takes the lock at once.
    await expect(await canvas.findByText(WHERE_THE_PHONE_IS.leader)).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Call Ada Lovelace' })).toBeEnabled()
  },
}

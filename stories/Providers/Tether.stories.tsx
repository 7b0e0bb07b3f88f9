import type { Meta, StoryObj } from '@storybook/react-vite'
import { http, HttpResponse } from 'msw'
import { useEffect, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createTetherClient, type TetherCall } from '../../src/clients/tether/index.js'
import type { CallClient, InteractionAssociatedObject } from '../../src/core/index.js'
import { CallButton, CallProvider, CallStatusBanner } from '../../src/index.js'
import { bannerSays, callAda, callAdaRefused, endDuringOutage } from '../support/play.js'
import { withDefaultTheme } from '../support/storyKit.js'

/**
 * A Tether stand-in for the browser: MSW answers `POST /api/calls/sdk/initiate` and
 * `GET /api/calls/{callId}` under `/tether/<world>/…`, and a story-level "voice SDK" plays Sinch
 * (it places and hangs up the audio leg; Tether then updates its record). Each rendered story has
 * its own world, so a docs page with every story on it still works.
 */
interface Scenario {
  /** How the remote party answers, after `answerAfterMs`. Default `'answered'`. */
  outcome?: 'answered' | 'busy' | 'no-answer' | 'failed'
  /** Default 600 ms. */
  answerAfterMs?: number
  /** Tether answers 401 `{ error: 'Invalid or expired token' }`, even to a refreshed token. */
  sessionExpired?: boolean
  /** Tether answers 403: the user's role may not record calls. */
  forbidden?: boolean
  /** The voice SDK throws when it dials (the browser refused the microphone). */
  microphoneDenied?: boolean
  /** The app passes the voice SDK's hang-up. Default true. */
  voiceHangup?: boolean
}

interface World {
  scenario: Scenario
  calls: Map<string, TetherCall>
  /** `GET /api/calls/{callId}` answers 500 while true. */
  outage: boolean
  timers: Set<ReturnType<typeof setTimeout>>
}

const worlds = new Map<string, World>()
const TOKEN = 'story-jwt'

function later(world: World, ms: number, fn: () => void) {
  const timer = setTimeout(() => {
    world.timers.delete(timer)
    fn()
  }, ms)
  world.timers.add(timer)
}

/** What Tether does when the voice provider's callback (Sinch ACE/DiCE) arrives. */
function setStatus(call: TetherCall, status: string) {
  const now = new Date().toISOString()
  call.status = status
  call.updatedAt = now
  if (status === 'in-progress') call.answerTime = now
  else if (status !== 'initiated') call.endTime = now
}

const base = '*/tether/:world/api/calls'
const worldOf = (params: Record<string, string | readonly string[] | undefined>) =>
  worlds.get(String(params.world))
const unauthorized = () => HttpResponse.json({ error: 'Invalid or expired token' }, { status: 401 })

const handlers = [
  http.post(`${base}/sdk/initiate`, async ({ params, request }) => {
    const world = worldOf(params)
    if (!world)
      return HttpResponse.json({ success: false, message: 'No such world' }, { status: 404 })
    if (request.headers.get('Authorization') !== `Bearer ${TOKEN}` || world.scenario.sessionExpired)
      return unauthorized()
    if (world.scenario.forbidden) {
      return HttpResponse.json(
        { success: false, error: 'Access denied: insufficient role' },
        { status: 403 },
      )
    }
    const body = (await request.json()) as { phoneNumber?: string; contactId?: string }
    if (!body.phoneNumber && !body.contactId) {
      return HttpResponse.json(
        { success: false, message: 'At least one of contactId or phoneNumber is required' },
        { status: 400 },
      )
    }
    const id = `64f0a1b2c3d4e5f6a7b8${String(world.calls.size + 1).padStart(4, '0')}`
    const now = new Date().toISOString()
    const call: TetherCall = {
      _id: id,
      callId: id,
      provider: 'sinch',
      direction: 'outbound',
      status: 'initiated',
      from: '+14165550100',
      to: body.phoneNumber ?? '',
      startTime: now,
      createdAt: now,
      updatedAt: now,
    }
    world.calls.set(id, call)
    const outcome = world.scenario.outcome ?? 'answered'
    later(world, world.scenario.answerAfterMs ?? 600, () => {
      if (call.status === 'initiated')
        setStatus(call, outcome === 'answered' ? 'in-progress' : outcome)
    })
    return HttpResponse.json({ success: true, call, message: 'Call recorded' }, { status: 201 })
  }),
  http.get(`${base}/:callId`, ({ params, request }) => {
    const world = worldOf(params)
    if (!world)
      return HttpResponse.json({ success: false, message: 'No such world' }, { status: 404 })
    if (request.headers.get('Authorization') !== `Bearer ${TOKEN}`) return unauthorized()
    if (world.outage)
      return HttpResponse.json({ success: false, message: 'Database unavailable' }, { status: 500 })
    const call = world.calls.get(String(params.callId))
    if (!call)
      return HttpResponse.json({ success: false, message: 'Call not found' }, { status: 404 })
    return HttpResponse.json({ success: true, call })
  }),
]

const contact: InteractionAssociatedObject = {
  id: '64f0a1b2c3d4e5f6a7b8c9d0',
  type: 'contact',
  displayName: 'Ada Lovelace',
  displayType: 'Contact',
  customFields: { accountTier: 'Gold' },
}

interface TetherDemoProps extends Scenario {
  phoneNumber: string
}

/** The world's Tether polling answers 500s (`true`) or works again (`false`). */
function setOutage(world: World, outage: boolean) {
  world.outage = outage
}

/** The remote party hangs up: the voice provider tells Tether, which completes the record. */
function remoteHangup(world: World) {
  const call = [...world.calls.values()].at(-1)
  if (call) setStatus(call, 'completed')
}

function createDemo(scenario: Scenario): { key: string; world: World; client: CallClient } {
  const key = Math.random().toString(36).slice(2, 10)
  const world: World = { scenario, calls: new Map(), outage: false, timers: new Set() }
  worlds.set(key, world)
  const client = createTetherClient({
    baseUrl: `/tether/${key}`,
    getToken: () => TOKEN,
    poll: { intervalMs: 300, maxIntervalMs: 1200 },
    contactIdField: 'id',
    logger: { debug: () => {}, warn: () => {} },
    // The voice SDK (Sinch in a real app): it dials, or fails like a refused microphone.
    placeCall: () => {
      if (scenario.microphoneDenied) throw new Error('Permission denied: microphone')
    },
    ...(scenario.voiceHangup !== false && {
      hangup: (callId: string) => {
        const call = world.calls.get(callId)
        if (call) setStatus(call, 'completed')
      },
    }),
  })
  return { key, world, client }
}

/** A contact's number with a click-to-call button and the live banner, on a Tether client. */
function TetherDemo({ phoneNumber, ...scenario }: TetherDemoProps) {
  const [{ key, world, client }] = useState(() => createDemo(scenario))

  useEffect(
    () => () => {
      client.dispose()
      for (const timer of world.timers) clearTimeout(timer)
      worlds.delete(key)
    },
    [key, world, client],
  )

  return (
    <CallProvider client={client}>
      <article aria-label="Contact">
        <p>
          <strong>{contact.displayName}</strong>
        </p>
        <p>{phoneNumber}</p>
        <CallButton phoneNumber={phoneNumber} associatedObject={contact} />
      </article>
      <CallStatusBanner dismissAfterMs={null} />
      <fieldset>
        <legend>Simulate Tether</legend>
        <button type="button" onClick={() => setOutage(world, true)}>
          Break Tether (500s)
        </button>{' '}
        <button type="button" onClick={() => remoteHangup(world)}>
          Remote party hangs up
        </button>{' '}
        <button type="button" onClick={() => setOutage(world, false)}>
          Restore Tether
        </button>
      </fieldset>
    </CallProvider>
  )
}

const meta = {
  title: 'Providers/Tether',
  component: TetherDemo,
  decorators: [withDefaultTheme],
  args: { phoneNumber: '+14165550199' },
  argTypes: {
    outcome: { control: 'inline-radio', options: ['answered', 'busy', 'no-answer', 'failed'] },
  },
  parameters: {
    msw: { handlers },
    docs: {
      description: {
        component:
          "`createTetherClient` on a Tether stand-in: MSW answers `POST /api/calls/sdk/initiate` (which records the call) and `GET /api/calls/{callId}`, which the client polls until the call ends (`initiated` → `in-progress` → `completed`). A story-level voice SDK plays Sinch: it places the audio leg after the record exists and hangs it up. Tether itself has no hang-up, hold or mute: without the voice SDK's `hangup` the banner shows no Hang up button.",
      },
    },
  },
} satisfies Meta<typeof TetherDemo>

export default meta
type Story = StoryObj<typeof meta>

/** initiated → in-progress, then hang up through the voice SDK; Tether completes the record. */
export const Answered: Story = {
  play: async ({ canvasElement }) => {
    const { banner } = await callAda(canvasElement)
    await bannerSays(banner, 'Dialing…')
    await bannerSays(banner, 'Connected')
    await userEvent.click(within(banner).getByRole('button', { name: 'Hang up' }))
    await bannerSays(banner, 'Call ended')
  },
}

/** Tether records the call as `busy`. */
export const Busy: Story = {
  args: { outcome: 'busy' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Call Ada Lovelace' }))
    await waitFor(
      () => expect(canvas.getByRole('status')).toHaveTextContent('Call ended: line busy'),
      { timeout: 3000 },
    )
  },
}

/** Without the voice SDK's hang-up there is nothing to hang up with: no button; the person hangs up on the phone. */
export const NoHangUp: Story = {
  args: { voiceHangup: false },
  play: async ({ canvasElement }) => {
    const { canvas, banner } = await callAda(canvasElement)
    await bannerSays(banner, 'Connected')
    expect(within(banner).queryByRole('button', { name: 'Hang up' })).toBeNull()
    await userEvent.click(canvas.getByRole('button', { name: 'Remote party hangs up' }))
    await bannerSays(banner, 'Call ended')
  },
}

/** Polling fails with 500s while the call ends; once Tether is back, the final state arrives. */
export const OutageAndRecovery: Story = {
  play: async ({ canvasElement }) => {
    await endDuringOutage(canvasElement, {
      drop: 'Break Tether (500s)',
      hangUp: 'Remote party hangs up',
      restore: 'Restore Tether',
    })
  },
}

/** Tether answers 401 to the token and to the refreshed one: the button says to sign in again. */
export const SessionExpired: Story = {
  args: { sessionExpired: true },
  play: async ({ canvasElement }) => {
    await callAdaRefused(canvasElement, 'Sign in again. (Invalid or expired token)')
  },
}

/** The user's role may not record calls: 403, with Tether's own words. */
export const Forbidden: Story = {
  args: { forbidden: true },
  play: async ({ canvasElement }) => {
    await callAdaRefused(
      canvasElement,
      'You are not allowed to place this call. (Access denied: insufficient role)',
    )
  },
}

/** The record exists but the voice SDK cannot dial (microphone refused): the start fails and says why. */
export const MicrophoneDenied: Story = {
  args: { microphoneDenied: true },
  play: async ({ canvasElement }) => {
    await callAdaRefused(canvasElement, 'Your phone could not place the call. Check the microphone')
  },
}

import type { Meta, StoryObj } from '@storybook/react-vite'
import { http, HttpResponse } from 'msw'
import { useEffect, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createDialStackClient, type DialStackCallLog } from '../../src/clients/dialstack/index.js'
import type { CallClient, InteractionAssociatedObject } from '../../src/core/index.js'
import { CallButton, CallProvider, CallStatusBanner } from '../../src/index.js'
import { bannerSays, callAda, callAdaRefused, endDuringOutage } from '../support/play.js'
import { withDefaultTheme } from '../support/storyKit.js'

/**
 * A DialStack stand-in for the browser: MSW plays the app's backend route (what
 * `createDialStackHandler` answers: `POST …/calls` → 202, `POST …/session` → a client secret,
 * `GET …/calls[/id]` → call logs) and DialStack's SSE stream (`GET /v1/events`, streamed as
 * `event:`/`data:` frames). Each rendered story has its own world, so a docs page with every
 * story on it still works.
 */
interface Scenario {
  /** How the contact answers, after `answerAfterMs`. Default `'answered'`. */
  outcome?: 'answered' | 'busy' | 'no-answer' | 'failed'
  /** Default 700 ms. */
  answerAfterMs?: number
  /** The signed-in person's DialStack user id. Default a valid one. */
  userId?: string
  /** DialStack answers 404 `User not found`. */
  userNotFound?: boolean
  /** DialStack answers 429 with `Retry-After: 30`. */
  rateLimited?: boolean
  /** The app's `authorize` refuses: 401 `{ error: 'Sign in again' }`. */
  signedOut?: boolean
  /** The session route refuses every client secret: the stream gives up after 3 tries. */
  sessionRefused?: boolean
}

interface World {
  scenario: Scenario
  calls: DialStackCallLog[]
  streams: Set<ReadableStreamDefaultController<Uint8Array>>
  /** While false, `GET /v1/events` answers 503 and events are lost. */
  streamUp: boolean
  timers: Set<ReturnType<typeof setTimeout>>
  events: number
}

const worlds = new Map<string, World>()
const USER = 'user_01h2xcejqtf2nbrexx3vqjhp42'
const SECRET = 'story-client-secret'
const encoder = new TextEncoder()

function later(world: World, ms: number, fn: () => void) {
  const timer = setTimeout(() => {
    world.timers.delete(timer)
    fn()
  }, ms)
  world.timers.add(timer)
}

/** Sends an SSE event to every open stream of the world (lost when none is open). */
function emit(
  world: World,
  type: string,
  log: DialStackCallLog,
  extra: Record<string, unknown> = {},
) {
  world.events += 1
  const data = {
    call_id: log.id,
    direction: 'outbound',
    to_number: log.to_number,
    user: log.user,
    timestamp: new Date().toISOString(),
    ...extra,
  }
  const frame = encoder.encode(
    `event: ${type}\ndata: ${JSON.stringify({ id: `evt_${world.events}`, type, data })}\n\n`,
  )
  if (!world.streamUp) return
  for (const stream of world.streams) stream.enqueue(frame)
}

function endCall(
  world: World,
  log: DialStackCallLog,
  status: NonNullable<DialStackCallLog['status']>,
) {
  if (log.status !== null) return
  log.status = status
  log.ended_at = new Date().toISOString()
  emit(world, 'call.end', log, { status })
}

/** The event stream drops (the network is gone) and stays down until `restoreStream`. */
function dropStream(world: World) {
  world.streamUp = false
  for (const stream of world.streams) stream.close()
  world.streams.clear()
}

function restoreStream(world: World) {
  world.streamUp = true
}

function remoteHangup(world: World) {
  const log = world.calls.at(-1)
  if (log) endCall(world, log, 'completed')
}

const worldOf = (params: Record<string, string | readonly string[] | undefined>) =>
  worlds.get(String(params.world))
const missing = () => HttpResponse.json({ error: 'No such world' }, { status: 404 })
const backend = '*/dialstack/:world/api/dialstack'

const handlers = [
  http.post(`${backend}/session`, ({ params }) => {
    const world = worldOf(params)
    if (!world) return missing()
    if (world.scenario.sessionRefused)
      return HttpResponse.json({ error: 'Sign in again', code: 'unauthorized' }, { status: 401 })
    return HttpResponse.json({
      client_secret: SECRET,
      expires_at: Math.floor(Date.now() / 1000) + 3600,
    })
  }),
  http.post(`${backend}/calls`, async ({ params, request }) => {
    const world = worldOf(params)
    if (!world) return missing()
    const { scenario } = world
    if (scenario.signedOut)
      return HttpResponse.json({ error: 'Sign in again', code: 'unauthorized' }, { status: 401 })
    if (scenario.userNotFound)
      return HttpResponse.json({ error: 'User not found' }, { status: 404 })
    if (scenario.rateLimited) {
      return HttpResponse.json(
        { error: 'Too many requests', code: 'rate_limited' },
        { status: 429, headers: { 'Retry-After': '30' } },
      )
    }
    const body = (await request.json()) as { user_id: string; dial_string: string }
    const log: DialStackCallLog = {
      id: `call_01h2xcejqtf2nbrexx3vqjh${String(world.calls.length + 1).padStart(3, '0')}`,
      user: body.user_id,
      direction: 'outbound',
      from_number: '+15550000001',
      to_number: body.dial_string,
      started_at: new Date().toISOString(),
      answered_at: null,
      connected_at: null,
      ended_at: null,
      duration_seconds: null,
      status: null,
      hangup_cause: null,
    }
    world.calls.push(log)
    later(world, 100, () => emit(world, 'call.initiated', log))
    later(world, 300, () => emit(world, 'call.ringing', log))
    // Call-first: the person's own phone answers, then the contact is dialed and answers.
    const answerAfterMs = scenario.answerAfterMs ?? 700
    later(world, 300 + answerAfterMs / 2, () => {
      if (log.status !== null) return
      log.answered_at = new Date().toISOString()
      emit(world, 'call.answered', log)
    })
    later(world, 300 + answerAfterMs, () => {
      if (log.status !== null) return
      const outcome = scenario.outcome ?? 'answered'
      if (outcome !== 'answered') return endCall(world, log, outcome)
      log.connected_at = new Date().toISOString()
      emit(world, 'call.answered', log)
    })
    return new HttpResponse(null, { status: 202 })
  }),
  http.get(`${backend}/calls/:id`, ({ params }) => {
    const log = worldOf(params)?.calls.find((call) => call.id === params.id)
    return log
      ? HttpResponse.json(log)
      : HttpResponse.json({ error: 'Call not found' }, { status: 404 })
  }),
  http.get(`${backend}/calls`, ({ params }) =>
    HttpResponse.json({ object: 'list', data: [...(worldOf(params)?.calls ?? [])].reverse() }),
  ),
  http.get('*/dialstack/:world/v1/events', ({ params, request }) => {
    const world = worldOf(params)
    if (!world) return missing()
    if (request.headers.get('Authorization') !== `Bearer ${SECRET}`)
      return HttpResponse.json({ error: 'Unauthorized' }, { status: 401 })
    if (!world.streamUp) return HttpResponse.json({ error: 'Service unavailable' }, { status: 503 })
    let own: ReadableStreamDefaultController<Uint8Array> | undefined
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        own = controller
        world.streams.add(controller)
        controller.enqueue(encoder.encode('event: connected\ndata: {}\n\n'))
      },
      cancel() {
        if (own) world.streams.delete(own)
      },
    })
    return new HttpResponse(stream, {
      headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' },
    })
  }),
]

const contact: InteractionAssociatedObject = {
  id: '003A000001',
  type: 'contact',
  displayName: 'Ada Lovelace',
  displayType: 'Contact',
  customFields: { accountTier: 'Gold' },
}

interface DialStackDemoProps extends Scenario {
  phoneNumber: string
}

function createDemo(scenario: Scenario): { key: string; world: World; client: CallClient } {
  const key = Math.random().toString(36).slice(2, 10)
  const world: World = {
    scenario,
    calls: [],
    streams: new Set(),
    streamUp: true,
    timers: new Set(),
    events: 0,
  }
  worlds.set(key, world)
  const route = `/dialstack/${key}/api/dialstack`
  const client = createDialStackClient({
    endpoint: `${route}/calls`,
    userId: scenario.userId ?? USER,
    events: {
      url: `/dialstack/${key}/v1/events`,
      getClientSecret: () =>
        fetch(`${route}/session`, { method: 'POST' }).then((response) => response.json()),
      backoff: { initialMs: 200, maxMs: 1000 },
    },
    poll: { url: `${route}/calls`, intervalMs: 500 },
  })
  return { key, world, client }
}

/** A contact's number with a click-to-call button and the live banner, on a DialStack client. */
function DialStackDemo({ phoneNumber, ...scenario }: DialStackDemoProps) {
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
        <legend>Simulate DialStack</legend>
        <button type="button" onClick={() => dropStream(world)}>
          Drop the event stream
        </button>{' '}
        <button type="button" onClick={() => remoteHangup(world)}>
          Contact hangs up
        </button>{' '}
        <button type="button" onClick={() => restoreStream(world)}>
          Restore the event stream
        </button>
      </fieldset>
    </CallProvider>
  )
}

const meta = {
  title: 'Providers/DialStack',
  component: DialStackDemo,
  decorators: [withDefaultTheme],
  args: { phoneNumber: '+15551234567' },
  argTypes: {
    outcome: { control: 'inline-radio', options: ['answered', 'busy', 'no-answer', 'failed'] },
  },
  parameters: {
    msw: { handlers },
    docs: {
      description: {
        component:
          "`createDialStackClient` on a DialStack stand-in: MSW plays the app's backend route (what `createDialStackHandler` from `react-click-to-call/server` answers: `POST …/calls` → 202 with no call id, `POST …/session` → a client secret) and DialStack's SSE stream (`call.initiated` → `call.ringing` → `call.answered` → `call.end`). The person's own phone rings first, then the contact's. DialStack has no hang-up, hold or mute: the banner shows no controls; the person hangs up on their phone. After the stream drops, the client resyncs from the call log so the end of the call is not lost.",
      },
    },
  },
} satisfies Meta<typeof DialStackDemo>

export default meta
type Story = StoryObj<typeof meta>

/** Dialing → ringing → connected; no Hang up button; the contact hangs up and the call ends. */
export const Answered: Story = {
  play: async ({ canvasElement }) => {
    const { canvas, banner } = await callAda(canvasElement)
    await bannerSays(banner, 'Dialing…')
    await bannerSays(banner, 'Ringing…')
    await bannerSays(banner, 'Connected')
    expect(within(banner).queryByRole('button', { name: 'Hang up' })).toBeNull()
    await userEvent.click(canvas.getByRole('button', { name: 'Contact hangs up' }))
    await bannerSays(banner, 'Call ended')
  },
}

/** `call.end` with status `busy`. */
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

/** The stream drops, the call ends meanwhile (the event is lost); after the reconnect the call log shows the end. */
export const StreamDroppedAndResynced: Story = {
  play: async ({ canvasElement }) => {
    await endDuringOutage(canvasElement, {
      drop: 'Drop the event stream',
      hangUp: 'Contact hangs up',
      restore: 'Restore the event stream',
    })
  },
}

/** DialStack answers 404 `User not found`: the person's DialStack user is not in this account. */
export const UserNotFound: Story = {
  args: { userNotFound: true },
  play: async ({ canvasElement }) => {
    await callAdaRefused(canvasElement, 'User not found: DialStack does not know your user')
  },
}

/** 429 with `Retry-After: 30`: the wait is shown, and nothing is retried by itself. */
export const RateLimited: Story = {
  args: { rateLimited: true },
  play: async ({ canvasElement }) => {
    await callAdaRefused(canvasElement, 'Too many calls at once. Wait 30 s and try again.')
  },
}

/** The app's `authorize` refuses (the person's session is gone): 401, before anything reaches DialStack. */
export const SignedOut: Story = {
  args: { signedOut: true },
  play: async ({ canvasElement }) => {
    await callAdaRefused(canvasElement, 'Sign in again.')
  },
}

/** A malformed DialStack user id is refused in the browser, with DialStack's own words, before any request. */
export const InvalidUserId: Story = {
  args: { userId: 'user_123' },
  play: async ({ canvasElement }) => {
    await callAdaRefused(canvasElement, 'Invalid user_id format')
  },
}

/**
 * The session route refuses three client secrets in a row (401): live status stops and the button
 * asks the person to sign in to the phone system.
 */
export const SessionRefused: Story = {
  args: { sessionRefused: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const button = canvas.getByRole('button', { name: 'Call Ada Lovelace' })
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'), { timeout: 4000 })
    expect(button).toHaveAccessibleDescription('Sign in to the phone system to call.')
  },
}

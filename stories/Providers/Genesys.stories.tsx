import type { Meta, StoryObj } from '@storybook/react-vite'
import { http, HttpResponse } from 'msw'
import { useEffect, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import {
  createGenesysClient,
  type GenesysCall,
  type NotificationHandlers,
  type NotificationSource,
} from '../../src/clients/genesys/index.js'
import type { CallClient, InteractionAssociatedObject } from '../../src/core/index.js'
import { CallButton, CallProvider, CallStatusBanner } from '../../src/index.js'
import { bannerSays, callAda, callAdaRefused, endDuringOutage } from '../support/play.js'
import { withDefaultTheme } from '../support/storyKit.js'

/**
 * A GWS stand-in for the browser: MSW answers the REST API under `/gws/<world>/api/v2/…`, and a
 * story-level `NotificationSource` replaces the Bayeux server. Each rendered story has its own
 * world, so a docs page with every story on it still works (one set of handlers routes by world).
 */
interface Scenario {
  /** A `statusCode` reply to `Dial` instead of a call. */
  dialError?: { statusCode: number; statusMessage: string }
  /** An HTTP 401 on the bootstrap `GET /api/v2/me` (an expired session). */
  sessionExpired?: boolean
  /** GWS accepts the dial and never reports it. */
  silent?: boolean
  /** The remote party answers after this long. Default 600 ms. */
  answerAfterMs?: number
}

interface World {
  scenario: Scenario
  calls: Map<string, GenesysCall>
  handlers?: NotificationHandlers
  streamUp: boolean
  timers: Set<ReturnType<typeof setTimeout>>
}

const worlds = new Map<string, World>()

const CAPABILITIES: Record<string, string[]> = {
  Dialing: ['SendDtmf', 'AttachUserData', 'Hangup', 'UpdateUserData'],
  Established: ['SendDtmf', 'AttachUserData', 'Hangup', 'UpdateUserData', 'Hold'],
  Held: ['Retrieve', 'Hangup', 'AttachUserData', 'UpdateUserData'],
  Released: [],
}

function later(world: World, ms: number, fn: () => void) {
  const timer = setTimeout(() => {
    world.timers.delete(timer)
    fn()
  }, ms)
  world.timers.add(timer)
}

/** Moves a call and publishes the `CallStateChangeMessage`, unless the stream is down (then it is lost). */
function setState(world: World, call: GenesysCall, state: string) {
  call.state = state
  call.capabilities = CAPABILITIES[state] ?? []
  if (state === 'Released') world.calls.delete(call.id)
  if (world.streamUp) {
    world.handlers?.message('/v2/me/calls', {
      messageType: 'CallStateChangeMessage',
      notificationType: 'StatusChange',
      phoneNumber: '15000',
      call: { ...call },
    })
  }
}

/** The Bayeux session is gone: notifications are lost until `restoreStream`. */
function dropStream(world: World) {
  world.streamUp = false
  world.handlers?.lost('The story dropped the Bayeux session')
}

/** A new session is subscribed: the client resyncs from `GET /api/v2/me/calls`. */
function restoreStream(world: World) {
  world.streamUp = true
  world.handlers?.open()
}

function remoteHangup(world: World) {
  const call = [...world.calls.values()][0]
  if (call) setState(world, call, 'Released')
}

function storyNotifications(world: World): NotificationSource {
  return {
    open(_channels, handlers) {
      world.handlers = handlers
      world.streamUp = true
      handlers.open()
    },
    close() {
      world.handlers = undefined
    },
  }
}

const base = '*/gws/:world/api/v2'
const worldOf = (params: Record<string, string | readonly string[] | undefined>) =>
  worlds.get(String(params.world))
const ok = { 'X-CSRF-HEADER': 'X-CSRF-TOKEN', 'X-CSRF-TOKEN': 'story-token' }

const handlers = [
  http.get(`${base}/me`, ({ params }) => {
    const world = worldOf(params)
    if (!world)
      return HttpResponse.json({ statusCode: 6, statusMessage: 'No such world' }, { status: 404 })
    if (world.scenario.sessionExpired) {
      return HttpResponse.json(
        { statusCode: 20, statusMessage: 'User not authenticated' },
        { status: 401 },
      )
    }
    return HttpResponse.json(
      {
        statusCode: 0,
        user: {
          id: 'agent-1',
          userName: 'agent',
          devices: [{ id: 'device-1', deviceState: 'Active', phoneNumber: '15000' }],
        },
      },
      { headers: ok },
    )
  }),
  http.get(`${base}/me/calls`, ({ params }) =>
    HttpResponse.json(
      { statusCode: 0, calls: [...(worldOf(params)?.calls.values() ?? [])] },
      { headers: ok },
    ),
  ),
  http.post(`${base}/me/devices/:device/calls`, async ({ params, request }) => {
    const world = worldOf(params)
    if (!world)
      return HttpResponse.json({ statusCode: 6, statusMessage: 'No such world' }, { status: 404 })
    if (world.scenario.dialError) return HttpResponse.json(world.scenario.dialError)
    const body = (await request.json()) as {
      destination: { phoneNumber: string }
      userData?: Record<string, string>
    }
    const phoneNumber = body.destination.phoneNumber
    const call: GenesysCall = {
      id: `012PUFMMS0ASNAK48O7GK2LAES${String(world.calls.size + 1).padStart(6, '0')}`,
      state: 'Dialing',
      callType: 'Outbound',
      participants: [
        {
          phoneNumber,
          formattedPhoneNumber: phoneNumber,
          e164Number: phoneNumber,
          digits: phoneNumber.replace(/\D/g, ''),
        },
      ],
      dnis: phoneNumber,
      capabilities: CAPABILITIES.Dialing,
      userData: body.userData,
    }
    if (!world.scenario.silent) {
      world.calls.set(call.id, call)
      later(world, 150, () => setState(world, call, 'Dialing'))
      later(
        world,
        150 + (world.scenario.answerAfterMs ?? 600),
        () => world.calls.has(call.id) && setState(world, call, 'Established'),
      )
    }
    return HttpResponse.json({ statusCode: 0 })
  }),
  http.post(`${base}/me/calls/:id`, async ({ params, request }) => {
    const world = worldOf(params)
    const call = world?.calls.get(String(params.id))
    if (!world || !call)
      return HttpResponse.json({ statusCode: 6, statusMessage: 'Call not found' }, { status: 404 })
    const { operationName } = (await request.json()) as { operationName: string }
    if (!call.capabilities?.includes(operationName)) {
      return HttpResponse.json({
        statusCode: 2,
        statusMessage: `${operationName} is not valid in state ${call.state}`,
      })
    }
    const next = { Hangup: 'Released', Hold: 'Held', Retrieve: 'Established' }[operationName]
    if (next) later(world, 100, () => setState(world, call, next))
    return HttpResponse.json({ statusCode: 0 })
  }),
]

const contact: InteractionAssociatedObject = {
  id: '0035e00000AbCdE',
  type: 'contact',
  displayName: 'Ada Lovelace',
  displayType: 'Contact',
  customFields: { CustomerSegment: 'Gold' },
}

interface GenesysDemoProps extends Scenario {
  phoneNumber: string
  /** `firstEventTimeoutMs` of the client. */
  firstEventTimeoutMs?: number
}

/** A contact's number with a click-to-call button and the live banner, on a Genesys client. */
function GenesysDemo({ phoneNumber, firstEventTimeoutMs = 15_000, ...scenario }: GenesysDemoProps) {
  // One world and one client per mounted story; the app owns its client, and so does the story.
  const [{ world, client }] = useState(() => {
    const key = Math.random().toString(36).slice(2, 10)
    const created: World = { scenario, calls: new Map(), streamUp: false, timers: new Set() }
    worlds.set(key, created)
    const genesys: CallClient = createGenesysClient({
      baseUrl: `/gws/${key}`,
      auth: 'session',
      notifications: storyNotifications(created),
      firstEventTimeoutMs,
    })
    return { world: created, client: genesys }
  })

  useEffect(
    () => () => {
      client.dispose()
      for (const timer of world.timers) clearTimeout(timer)
      for (const [key, value] of worlds) if (value === world) worlds.delete(key)
    },
    [client, world],
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
        <legend>Simulate GWS</legend>
        <button type="button" onClick={() => dropStream(world)}>
          Drop notifications
        </button>{' '}
        <button type="button" onClick={() => remoteHangup(world)}>
          Remote party hangs up
        </button>{' '}
        <button type="button" onClick={() => restoreStream(world)}>
          Restore notifications
        </button>
      </fieldset>
    </CallProvider>
  )
}

const meta = {
  title: 'Providers/Genesys',
  component: GenesysDemo,
  decorators: [withDefaultTheme],
  args: { phoneNumber: '+14165550199' },
  parameters: {
    msw: { handlers },
    docs: {
      description: {
        component:
          "`createGenesysClient` on a GWS stand-in: MSW answers `GET /api/v2/me`, `Dial` and the call operations; a story-level `NotificationSource` stands in for CometD and publishes `CallStateChangeMessage`s (`Dialing` → `Established` → `Held` → `Released`). The banner's controls follow each call's `capabilities`: no Hold while dialing, no Mute at all (GWS has none).",
      },
    },
  },
} satisfies Meta<typeof GenesysDemo>

export default meta
type Story = StoryObj<typeof meta>

/** Dialing → Established, hold and resume (Hold/Retrieve), then hang up. */
export const Answered: Story = {
  play: async ({ canvasElement }) => {
    const { banner } = await callAda(canvasElement)
    await bannerSays(banner, 'Dialing…')
    // Dialing offers no Hold and GWS no Mute: the banner shows neither.
    expect(within(banner).queryByRole('button', { name: 'Hold' })).toBeNull()
    await bannerSays(banner, 'Connected')
    expect(within(banner).queryByRole('button', { name: 'Mute' })).toBeNull()
    await userEvent.click(within(banner).getByRole('button', { name: 'Hold' }))
    await bannerSays(banner, 'On hold')
    await userEvent.click(within(banner).getByRole('button', { name: 'Resume' }))
    await bannerSays(banner, 'Connected')
    await userEvent.click(within(banner).getByRole('button', { name: 'Hang up' }))
    await bannerSays(banner, 'Call ended')
  },
}

/** The Bayeux session drops, the call ends meanwhile; after the re-connect the resync shows the end. */
export const SessionLostAndResynced: Story = {
  play: async ({ canvasElement }) => {
    await endDuringOutage(canvasElement, {
      drop: 'Drop notifications',
      hangUp: 'Remote party hangs up',
      restore: 'Restore notifications',
    })
  },
}

/** GWS answers `Dial` with `statusCode: 3` (operation forbidden): the button shows why. */
export const Forbidden: Story = {
  args: { dialError: { statusCode: 3, statusMessage: 'Operation forbidden for this place' } },
  play: async ({ canvasElement }) => {
    await callAdaRefused(
      canvasElement,
      'Genesys does not allow this for your user. (Operation forbidden for this place)',
    )
  },
}

/** The session cookie expired: `GET /api/v2/me` answers 401 with `statusCode: 20`. */
export const SessionExpired: Story = {
  args: { sessionExpired: true },
  play: async ({ canvasElement }) => {
    await callAdaRefused(canvasElement, 'Sign in to Genesys again.')
  },
}

/** GWS accepts the dial but never reports it: after `firstEventTimeoutMs` the call fails with a time-out. */
export const NoDialingNotification: Story = {
  args: { silent: true, firstEventTimeoutMs: 1000 },
  play: async ({ canvasElement }) => {
    const { banner } = await callAda(canvasElement)
    await bannerSays(banner, 'Starting call…')
    await waitFor(
      () =>
        expect(banner).toHaveTextContent('Call failed: Genesys did not report the call within 1 s'),
      { timeout: 4000 },
    )
  },
}

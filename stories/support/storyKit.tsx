import type { Decorator } from '@storybook/react-vite'
import metadata from 'libphonenumber-js/min/metadata'
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react'
import {
  createSimulatedClient,
  type SimulatedClient,
  type SimulatedClientOptions,
} from '../../src/clients/simulated/index.js'
import type { CallEvent, CallOutcome, InteractionAssociatedObject } from '../../src/core/index.js'
import { createAsYouTypeFormatter, createPhoneNumberParser } from '../../src/phone/index.js'
import { CallProvider, type CallMessages, useCallRuntime } from '../../src/index.js'
import './storyPage.css'
import { ar } from '../../src/locales/ar.js'
import { de } from '../../src/locales/de.js'
import { es } from '../../src/locales/es.js'
import { fr } from '../../src/locales/fr.js'
import { ja } from '../../src/locales/ja.js'
import { ptBR } from '../../src/locales/pt-BR.js'

/** The toolbar's languages (English is the default words): each pack the package ships. */
export const LOCALES: Record<string, { messages: Partial<CallMessages>; dir?: 'rtl' }> = {
  fr: { messages: fr },
  de: { messages: de },
  es: { messages: es },
  'pt-BR': { messages: ptBR },
  ja: { messages: ja },
  ar: { messages: ar, dir: 'rtl' },
}

/** Phone metadata for the stories: numbers are shown formatted ("+1 416 555 0199"). */
export const phoneNumbers = createPhoneNumberParser(metadata)
/** The Dialpad's as-you-type formatting, for the stories that show it. */
const asYouType = createAsYouTypeFormatter(metadata)

export const ada: InteractionAssociatedObject = {
  id: '003A000001',
  type: 'contact',
  displayName: 'Ada Lovelace',
  displayType: 'Contact',
  customFields: {
    account: 'Analytical Engines Ltd',
    crmUrl: 'https://crm.example.com/contacts/003A000001',
  },
}

export const longNamed: InteractionAssociatedObject = {
  id: '003A000099',
  type: 'contact',
  displayName: 'Maria Magdalena Theodora Alexandrina von Hohenzollern-Sigmaringen-Lichtenstein',
  displayType: 'Key account decision maker',
  customFields: {},
}

/** A call for a story to start in: the simulated client is driven there after mount. */
export interface StoryScenario {
  status: 'dialing' | 'ringing' | 'connected' | 'held' | 'ended' | 'failed'
  /** How an `ended` call ended. */
  outcome?: CallOutcome
  muted?: boolean
  /** Why a `failed` call failed. */
  reason?: string
  phoneNumber?: string
  /** The call's record. Default Ada Lovelace's; `null` for a call by number alone. */
  associatedObject?: InteractionAssociatedObject | null
}

/** `parameters.calls` of a story: the simulated provider it runs on and how it is shown. */
export interface CallsParameters {
  /** Options of the simulated client. Default: delays long enough that nothing moves by itself. */
  client?: SimulatedClientOptions
  /** A call to drive the client into after mount. */
  scenario?: StoryScenario
  /** Shifts the provider's clock back, so a connected call shows a longer timer. */
  ageMs?: number
  /** The next start fails with this error. */
  failNextStart?: {
    code: Parameters<SimulatedClient['control']['failNextStart']>[0]
    message: string
  }
  /** The connection to the phone system is closed: nothing can be dialed. */
  connectionClosed?: boolean
  /** The phone system reports the person signed out: nothing can be dialed until they sign in. */
  signedOut?: boolean
  /** `CallProvider`'s `clickToDial`. Default true. */
  clickToDial?: boolean
  /** Prefill the dialpad with this number after mount, as a deferred dial does. */
  prefill?: string
  messages?: Partial<CallMessages>
  dir?: 'ltr' | 'rtl'
  lang?: string
  /** `data-rcc-theme` on the frame: `'system'` follows the OS, as an app may ask. */
  theme?: 'light' | 'dark' | 'system'
  /** Format numbers with phone metadata. Default true. */
  formatNumbers?: boolean
  /** Format the Dialpad's number as it is typed (`CallProvider`'s `asYouType`). Default false. */
  asYouType?: boolean
  /** `CallProvider`'s `defaultRegion`, for local numbers. */
  defaultRegion?: string
  /** Width of the story's frame. */
  width?: CSSProperties['width']
}

/** Delays under which a story's call only moves when a play function or a person moves it. */
export const STILL = { start: 10, ringing: 600_000, answer: 600_000, noAnswer: 600_000 }

/** A simulated client that a story can also speak on, and whose clock can run behind. */
export interface StoryClient extends SimulatedClient {
  emit(event: CallEvent): void
}

export function createStoryClient(parameters: CallsParameters = {}): StoryClient {
  const { client: options = {}, ageMs = 0 } = parameters
  const client = createSimulatedClient({ ...options, delays: { ...STILL, ...options.delays } })
  const shift = (event: CallEvent): CallEvent =>
    'at' in event && ageMs ? { ...event, at: event.at - ageMs } : event
  const listeners = new Set<(event: CallEvent) => void>()
  const story = Object.create(client) as StoryClient
  story.subscribe = (listener) => {
    listeners.add(listener)
    const off = client.subscribe((event) => listener(shift(event)))
    return () => {
      listeners.delete(listener)
      off()
    }
  }
  story.snapshot = async () => (await client.snapshot?.())?.map(shift) ?? []
  story.emit = (event) => {
    for (const listener of listeners) listener(event)
  }
  if (parameters.failNextStart)
    client.control.failNextStart(parameters.failNextStart.code, parameters.failNextStart.message)
  return story
}

/** Loads the story's client, so the decorator and the play function share it (`loaded.client`). */
export const loadClient = async (context: { parameters: Record<string, unknown> }) => ({
  client: createStoryClient(context.parameters.calls as CallsParameters | undefined),
})

/** Drives the client into the scenario once the provider listens. */
function Scenario({ client, parameters }: { client: StoryClient; parameters: CallsParameters }) {
  const runtime = useCallRuntime()
  const done = useRef(false)
  useEffect(() => {
    if (done.current) return
    done.current = true
    // Child effects run before CallProvider's own, which subscribes: speak once it listens.
    if (parameters.connectionClosed)
      setTimeout(() => client.emit({ type: 'connection', status: 'closed' }), 0)
    if (parameters.signedOut)
      setTimeout(
        () =>
          client.emit({
            type: 'connection',
            status: 'closed',
            error: { code: 'unauthorized', message: 'Signed out of the phone system.' },
          }),
        0,
      )
    if (parameters.prefill) runtime.store.getState().prefill(parameters.prefill)
    const scenario = parameters.scenario
    if (!scenario) return
    void (async () => {
      const result = await client.startCall(
        scenario.phoneNumber ?? '+14165550199',
        scenario.associatedObject === null ? undefined : (scenario.associatedObject ?? ada),
      )
      if (result.status !== 'success' || !result.data.id) return
      const id = result.data.id
      if (scenario.status === 'dialing') return
      if (scenario.status === 'failed') return client.control.fail(id, scenario.reason)
      if (scenario.status === 'ended' && scenario.outcome !== 'completed')
        return client.control.end(id, scenario.outcome)
      client.control.advance(id)
      if (scenario.status === 'ringing') return
      client.control.setOptions({ outcome: 'answered' })
      client.control.advance(id)
      if (scenario.status === 'ended') {
        // Ended now, after the talk time the story's clock shift (`ageMs`) gave it, so the call
        // shows its duration; the simulator's own (earlier-dated) end changes nothing after it.
        client.emit({ type: 'ended', interactionId: id, outcome: 'completed', at: Date.now() })
        return client.control.end(id, 'completed')
      }
      if (scenario.muted) await client.mute?.(id, true)
      if (scenario.status === 'held') await client.hold?.(id)
    })()
  }, [client, parameters, runtime])
  return null
}

/** The frame every component story renders in: its provider, direction, language and theme. */
export function StoryFrame({
  client,
  parameters,
  children,
}: {
  client: StoryClient
  parameters: CallsParameters
  children: ReactNode
}) {
  const [formatted] = useState(() =>
    parameters.formatNumbers === false ? undefined : phoneNumbers,
  )
  // A themed frame paints its own background, as an app does, so the theme's text stays legible.
  const dark = parameters.theme === 'dark' || parameters.theme === 'system'
  return (
    <div
      dir={parameters.dir}
      lang={parameters.lang}
      data-rcc-theme={parameters.theme}
      style={{
        padding: 24,
        width: parameters.width,
        minHeight: dark ? 160 : undefined,
        background: dark ? 'var(--rcc-color-background)' : undefined,
        color: dark ? 'var(--rcc-color-text)' : undefined,
        fontFamily: 'var(--rcc-font-family)',
      }}
    >
      <CallProvider
        client={client}
        phoneNumbers={formatted}
        asYouType={parameters.asYouType ? asYouType : undefined}
        defaultRegion={parameters.defaultRegion}
        messages={parameters.messages}
        clickToDial={parameters.clickToDial}
      >
        <Scenario client={client} parameters={parameters} />
        {children}
      </CallProvider>
    </div>
  )
}

/**
 * The default theme's page for stories that bring their own provider (Providers/): its font,
 * colors and spacing, so they look like the components' stories and not like browser defaults.
 */
export const withDefaultTheme: Decorator = (Story) => (
  <div
    className="rcc-StoryPage"
    style={{
      padding: 24,
      fontFamily: 'var(--rcc-font-family)',
      fontSize: 'var(--rcc-font-size)',
      color: 'var(--rcc-color-text)',
      display: 'grid',
      gap: 12,
      justifyItems: 'start',
    }}
  >
    <Story />
  </div>
)

/** Wraps a story in its `StoryFrame`, with the client from `loadClient`. */
export const withCalls: Decorator = (Story, context) => {
  const client = (context.loaded as { client?: StoryClient }).client ?? createStoryClient()
  const story = ((context.parameters as { calls?: CallsParameters }).calls ?? {}) as CallsParameters
  // The toolbar's language, unless the story shows a language of its own.
  const code = String(context.globals.locale ?? 'en')
  const locale = LOCALES[code]
  const parameters: CallsParameters =
    story.messages || !locale?.messages
      ? story
      : { ...story, messages: locale.messages, lang: code, dir: locale.dir ?? story.dir }
  return (
    <StoryFrame client={client} parameters={parameters}>
      <Story />
    </StoryFrame>
  )
}

/** The client a play function's story runs on. */
export function storyClient(context: { loaded: Record<string, unknown> }): StoryClient {
  const client = context.loaded.client as StoryClient | undefined
  if (!client) throw new Error('This story has no simulated client: add loaders: [loadClient].')
  return client
}

import type { ClientLogger } from '../../client-kit/logger.js'
import type { CallError } from '../../core/CallError.js'
import type { ClientEvent } from '../../core/CallEvent.js'
import type { GwsApi } from './gwsApi.js'
import type { NotificationSource } from './NotificationSource.js'
import { gwsErrors } from './protocol/gwsErrors.js'

/** The two channels the client listens to. */
export const CALLS_CHANNEL = '/v2/me/calls'
const DEVICES_CHANNEL = '/v2/me/devices'

export interface SessionOptions {
  api: GwsApi
  notifications: NotificationSource
  log: ClientLogger
  timeoutMs: number
  deviceId?: string
  startContactCenterSession?: boolean
  /** A message on `/v2/me/calls` (the Bayeux message's `data`). */
  onCallMessage(data: unknown): void
  /** A message on `/v2/me/devices` (the agent's state: a `DeviceStateChangeMessage`). */
  onDeviceMessage?(data: unknown): void
  /** The stream's health: `open`, `reconnecting` (with the reason). */
  onConnection(event: ClientEvent): void
  /** The subscriptions are back after a lost Bayeux session: recover the calls' state. */
  onRestored(): void
}

/** What the bootstrap found. */
export interface GenesysSession {
  deviceId: string
  /** The agent's own number (the device's `phoneNumber`), to tell inbound internal calls. */
  agentNumber: string | undefined
}

/**
 * The session: `GET /api/v2/me?subresources=*` (the device, the CSRF token), the contact-center
 * session when asked, then CometD. Once, and again after a failure; `close` ends it.
 */
export function createSession(options: SessionOptions) {
  const { api, notifications, log, timeoutMs } = options
  let ready: Promise<GenesysSession> | undefined
  let opening: { timer: ReturnType<typeof setTimeout>; reject(error: CallError): void } | undefined
  let streamUp = false
  let opened = false
  let closed = false

  /** Opens the notification source; resolves on its first `open`, fails after `timeoutMs`. */
  function openStream(): Promise<void> {
    return new Promise((resolve, reject) => {
      let lastReason: string | undefined
      opening = {
        reject,
        timer: setTimeout(() => {
          notifications.close()
          reject(
            gwsErrors.error(
              'network_error',
              'Could not connect to Genesys live call updates. Try again.',
              { message: lastReason },
            ),
          )
        }, timeoutMs),
      }
      notifications.open([CALLS_CHANNEL, DEVICES_CHANNEL], {
        message(channel, data) {
          if (closed) return
          if (channel === CALLS_CHANNEL) options.onCallMessage(data)
          else if (channel === DEVICES_CHANNEL && options.onDeviceMessage)
            options.onDeviceMessage(data)
          else log.debug('ignored notification', channel, data)
        },
        open() {
          clearTimeout(opening?.timer)
          resolve()
          if (streamUp || closed) return
          streamUp = true
          options.onConnection({ type: 'connection', status: 'open' })
          // Any open after the first follows a lost session: notifications may have been missed.
          if (opened) options.onRestored()
          opened = true
        },
        lost(reason) {
          lastReason = reason
          if (!streamUp || closed) return
          streamUp = false
          const error = gwsErrors.error(
            'network_error',
            'Genesys live call updates were interrupted. Reconnecting…',
            { message: reason },
          )
          options.onConnection({
            type: 'connection',
            status: 'reconnecting',
            error: error.toJSON(),
          })
        },
      })
    })
  }

  async function bootstrap(): Promise<GenesysSession> {
    const me = await api.get('?subresources=*')
    const devices = (me.user as { devices?: { id?: string; phoneNumber?: string }[] } | undefined)
      ?.devices
    const device = options.deviceId ? devices?.find((d) => d.id === options.deviceId) : devices?.[0]
    const deviceId = options.deviceId ?? device?.id
    if (!deviceId)
      throw gwsErrors.error(
        'not_ready',
        'Genesys has no phone device for your user. Ask an administrator.',
      )
    if (!options.deviceId) log.debug(`using the first device, ${deviceId}`)
    if (options.startContactCenterSession) {
      // statusCode 7 is a partial success: some channel did not start, voice may have.
      await api
        .post('', { operationName: 'StartContactCenterSession', channels: ['voice'] })
        .catch((error: CallError) => {
          if (error.provider?.code !== 7) throw error
        })
    }
    if (closed) throw gwsErrors.disposed()
    await openStream()
    return { deviceId, agentNumber: device?.phoneNumber }
  }

  return {
    /** The session, opened on first use; a failed bootstrap is tried again on the next call. */
    ready(): Promise<GenesysSession> {
      ready ??= bootstrap().catch((error: unknown) => {
        ready = undefined
        throw error
      })
      return ready
    },
    close() {
      if (closed) return
      closed = true
      clearTimeout(opening?.timer)
      opening?.reject(gwsErrors.disposed())
      notifications.close()
    },
  }
}

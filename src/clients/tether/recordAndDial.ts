import type { ClientLogger } from '../../client-kit/logger.js'
import type { InteractionAssociatedObject } from '../../core/types.js'
import type { TetherClientOptions, TetherPlaceCallRequest } from './options.js'
import type { TetherCall } from './protocol/TetherCall.js'
import { tetherErrors } from './protocol/tetherErrors.js'
import type { TetherApi } from './tetherApi.js'

export interface RecordAndDialOptions {
  api: TetherApi
  log: ClientLogger
  dialFirst: boolean
  placeCall: TetherClientOptions['placeCall']
  contactId: TetherClientOptions['contactId']
  contactIdField: TetherClientOptions['contactIdField']
}

/** One start: the number (E.164), the record, and the start's signal. */
export interface StartRequest {
  phoneNumber: string
  associatedObject: InteractionAssociatedObject | undefined
  signal: AbortSignal
}

/**
 * The start sequence: record the call with `POST /api/calls/sdk/initiate` and let the app's voice
 * SDK place the audio leg, in the configured order (the docs do not give one). Resolves the Call
 * document Tether recorded; throws a `CallError`.
 */
export function createRecordAndDial(options: RecordAndDialOptions) {
  const { api, log, dialFirst, placeCall } = options

  function contactIdOf(object: InteractionAssociatedObject | undefined): string | undefined {
    if (!object) return undefined
    const field = options.contactIdField
    let value: unknown
    if (options.contactId) value = options.contactId(object)
    else if (field === 'id') value = object.id
    else if (field?.startsWith('customFields.')) value = object.customFields[field.slice(13)]
    else
      log.once(
        'no-contact',
        'debug',
        'the associated object is not sent to Tether: set contactId or contactIdField to link calls to contacts.',
      )
    return (typeof value === 'string' && value.trim()) || undefined
  }

  /** Lets the app's voice SDK place the audio leg; throws a `CallError` if it fails. */
  async function dial(request: TetherPlaceCallRequest): Promise<void> {
    try {
      await placeCall?.(request)
    } catch (thrown) {
      const error = tetherErrors.fromThrown(
        thrown,
        'Your phone could not place the call. Check the microphone and connection, then try again.',
        { name: 'placeCall', appendThrown: true },
      )
      // Record-first: Tether keeps an `initiated` record nobody will dial; say so for support.
      if (request.callId)
        log.warn(`call ${request.callId} was recorded but not dialed: ${error.message}`)
      throw error
    }
  }

  return async function recordAndDial({
    phoneNumber,
    associatedObject,
    signal,
  }: StartRequest): Promise<TetherCall> {
    const fields = { phoneNumber, ...(associatedObject && { associatedObject }) }
    if (placeCall)
      log.once(
        'order',
        'debug',
        dialFirst
          ? 'dialing before recording the call (order: dial-first).'
          : 'recording the call before dialing (order: record-first, assumed).',
      )
    if (dialFirst) await dial({ ...fields, signal })
    let doc: TetherCall
    try {
      // An unset contact id is left out of the JSON body.
      doc = await api.initiate({ phoneNumber, contactId: contactIdOf(associatedObject) }, signal)
    } catch (error) {
      if (dialFirst && placeCall)
        log.warn('the call was dialed but Tether did not record it.', error)
      throw error
    }
    if (!dialFirst) await dial({ ...fields, signal, callId: doc.callId, call: doc })
    return doc
  }
}

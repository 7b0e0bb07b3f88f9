import type { ControlResult, WrapUpResult } from '../../core/CallClient.js'
import { failure, success } from '../../core/result.js'
import type { Operate } from './callOperations.js'
import type { ClientParts } from './ClientParts.js'
import { gwsErrors } from './protocol/gwsErrors.js'

/** What the client hands its after-call work. */
export interface AfterCallWorkParts extends Pick<ClientParts, 'api' | 'calls' | 'log' | 'emit'> {
  operate: Operate
}

/** Where the wrap-up goes in the call's attached data (`userData`). */
export interface GenesysAfterCallWorkKeys {
  /**
   * The key of the disposition: WWE's `interaction.disposition.key-name`, whose default is the
   * key of the call-resource sample (`"DispositionCode": "IssueResolved"`).
   * @default 'DispositionCode'
   */
  dispositionKey?: string
  /**
   * The key of the notes. GWS documents none for voice (WWE keeps notes in UCS), so choose the
   * one your deployment reads.
   * @default 'Notes'
   */
  notesKey?: string
}

/** The after-call work of a Genesys client: `createGenesysClient({ afterCallWork: genesysAfterCallWork() })`. */
export type GenesysAfterCallWork = (parts: AfterCallWorkParts) => AfterCallWork

/** What the client uses of its after-call work. */
export interface AfterCallWork {
  onDeviceMessage(data: unknown): void
  attachWrapUp(id: string, result: WrapUpResult): Promise<ControlResult>
  completeWrapUp(id: string, result: WrapUpResult): Promise<ControlResult>
}

/**
 * The wrap-up on GWS. The disposition and notes are attached data: `UpdateUserData` on the call
 * (https://enu.docs.genesys.com/Documentation/HTCC/latest/API/UpdateUserData), which GWS allows
 * only while the call lists it in `capabilities`; a released call lists none, so `attachWrapUp`
 * writes them during the call. The agent's after-call work is an agent state on the voice
 * channel, `NotReady` with work mode `AfterCallWork`
 * (https://docs.genesys.com/Documentation/GWS/8.5.2/API/AgentStateAfterCallWork), read from
 * `/v2/me/devices`; `completeWrapUp` leaves it with `Ready`
 * (https://docs.genesys.com/Documentation/GWS/8.6.0/API/AgentStateReady).
 *
 * Its own export, so that an app without after-call work pays nothing for it.
 *
 * @example
 * createGenesysClient({ baseUrl, auth: 'session', afterCallWork: genesysAfterCallWork() })
 */
export function genesysAfterCallWork(keys: GenesysAfterCallWorkKeys = {}): GenesysAfterCallWork {
  const dispositionKey = keys.dispositionKey || 'DispositionCode'
  const notesKey = keys.notesKey || 'Notes'
  return ({ api, calls, log, emit, operate }) => {
    let inAfterCallWork = false

    return {
      /** Reads the agent's state from a `DeviceStateChangeMessage`. */
      onDeviceMessage(data: unknown) {
        const devices = (data as { devices?: unknown } | null)?.devices
        if (!Array.isArray(devices)) return log.debug('ignored device notification', data)
        const states = devices.map(
          (device) => (device as { userState?: { state?: unknown; workMode?: unknown } }).userState,
        )
        inAfterCallWork = states.some(
          (state) => state?.state === 'NotReady' && state.workMode === 'AfterCallWork',
        )
      },

      /** Writes the disposition and notes to a live call's attached data (`UpdateUserData`). */
      async attachWrapUp(id: string, result: WrapUpResult): Promise<ControlResult> {
        const userData: Record<string, string> = {}
        if (result.disposition) userData[dispositionKey] = result.disposition
        if (result.notes?.trim()) userData[notesKey] = result.notes
        if (Object.keys(userData).length === 0) return success(null)
        const sent = await operate(id, 'UpdateUserData', { userData })
        const entry = calls.get(id)
        if (sent.status === 'success' && entry) entry.wrapUpAttached = true
        return sent
      },

      /**
       * Ends the agent's after-call work (`Ready`) once a call that had it has ended, and says
       * `completed`.
       */
      async completeWrapUp(id: string, result: WrapUpResult): Promise<ControlResult> {
        const entry = calls.get(id)
        if (!entry) return failure(gwsErrors.error('not_found', `There is no Genesys call ${id}.`))
        if (!entry.ended)
          return failure(gwsErrors.error('invalid_state', 'The call is still live: hang up first.'))
        // A call that was never established ended without after-call work (its `ended` event says
        // so): there is nothing to complete, and no `completed` to say, as on Bright Pattern.
        if (entry.wrapUpDone || !entry.established) return success(null)
        if (!entry.wrapUpAttached && (result.disposition || result.notes?.trim()))
          log.once(
            'released-user-data',
            'warn',
            'GWS takes no attached data on a released call: this wrap-up reaches the call log only. Use attachWrapUp during the call to write it to Genesys.',
          )
        if (inAfterCallWork) {
          try {
            await api.post('/channels/voice', { operationName: 'Ready' })
          } catch (error) {
            return failure(gwsErrors.normalize(error))
          }
          inAfterCallWork = false
        }
        entry.wrapUpDone = true
        emit(calls.note(entry, { type: 'completed' }))
        return success(null)
      },
    }
  }
}

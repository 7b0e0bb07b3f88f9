/**
 * The client contract: every `CallClient` runs this suite against a real peer (the simulator,
 * a loopback HTTP server, a Bayeux server, a faithful fake SDK). Import it from a test file and
 * call `runClientContract(harness)`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createCallStore,
  isCallError,
  selectInteractions,
  type CallClient,
  type CallStatus,
  type CallStoreApi,
  type InteractionAssociatedObject,
} from '../../src/core/index.js'
import { findInteraction } from '../../src/core/reduceCallState.js'

/** What the suite needs from the peer to drive a call the way the provider would. */
export interface ContractPeer {
  /** How many start requests reached the provider so far. */
  startRequests(): number
  /** The provider answers the call (the remote party picks up). */
  answer(interactionId: string): Promise<void>
  /** The provider ends the call from its side (the remote party hangs up). */
  remoteHangup(interactionId: string): Promise<void>
  /** The provider rejects the next start with a server error (5xx, a provider error code). */
  failNextStart(): Promise<void>
  /** Inbound calls, for a harness with `inbound`. */
  inbound?: InboundPeer
}

/** Drives inbound calls the way the provider would. */
export interface InboundPeer {
  /** A call from `from` rings the agent (delivered so that the agent may decline it, where the provider can). */
  ring(from: string): Promise<void>
  /** The ringing call from `from` stops unanswered: the caller gave up, or it rang out. */
  ringOut(from: string): Promise<void>
}

export interface ContractSetup {
  client: CallClient
  peer: ContractPeer
  /** A number the provider accepts. */
  validNumber: string
  teardown(): Promise<void>
}

export interface ContractHarness {
  name: string
  setup(): Promise<ContractSetup>
  /** Time to wait for one event. Default 3000 ms. */
  eventTimeoutMs?: number
  /**
   * The provider rings the agent for inbound calls: the inbound cases run (the peer needs
   * `inbound`). `answer` and `decline` say whether this client offers those controls for a call
   * that rings it, so the cases check what each one does, never nothing.
   */
  inbound?: { answer: boolean; decline: boolean }
}

export const contact: InteractionAssociatedObject = {
  id: 'contact-42',
  type: 'contact',
  displayName: 'Ada Lovelace',
  displayType: 'Contact',
  customFields: { accountTier: 'Gold' },
}

/** Waits until the store's interaction reaches one of `statuses`. */
export function waitForStatus(
  store: CallStoreApi,
  id: string,
  statuses: readonly CallStatus[],
  // A bound for a slow machine: a passing wait resolves as soon as the status is reached.
  timeoutMs = 10_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const status = findInteraction(store.getState(), id)?.status
      if (status && statuses.includes(status)) {
        unsubscribe()
        clearTimeout(timer)
        resolve()
        return true
      }
      return false
    }
    const unsubscribe = store.subscribe(check)
    const timer = setTimeout(() => {
      unsubscribe()
      const status = findInteraction(store.getState(), id)?.status ?? 'absent'
      reject(new Error(`Interaction ${id} stayed ${status}; expected ${statuses.join(' or ')}.`))
    }, timeoutMs)
    check()
  })
}

/** Waits for an inbound call from `from` to reach the store; resolves to its id. */
export function waitForInbound(
  store: CallStoreApi,
  from: string,
  timeoutMs = 3000,
): Promise<string> {
  const find = () =>
    selectInteractions(store.getState()).find(
      (call) => call.direction === 'inbound' && call.phoneNumber === from,
    )?.id
  return new Promise((resolve, reject) => {
    const found = find()
    if (found) return resolve(found)
    const unsubscribe = store.subscribe(() => {
      const id = find()
      if (!id) return
      unsubscribe()
      clearTimeout(timer)
      resolve(id)
    })
    const timer = setTimeout(() => {
      unsubscribe()
      reject(new Error(`No inbound call from ${from} reached the store.`))
    }, timeoutMs)
  })
}

export function runClientContract(harness: ContractHarness): void {
  const timeout = harness.eventTimeoutMs ?? 3000

  describe(`CallClient contract: ${harness.name}`, () => {
    let setup: ContractSetup
    let store: CallStoreApi
    let unsubscribe: () => void

    beforeEach(async () => {
      setup = await harness.setup()
      store = createCallStore({ capabilities: setup.client.capabilities })
      unsubscribe = setup.client.subscribe((event) => store.getState().dispatch(event))
    })

    afterEach(async () => {
      unsubscribe()
      setup.client.dispose()
      await setup.teardown()
    })

    async function start(): Promise<string> {
      const result = await setup.client.startCall(setup.validNumber, contact)
      if (result.status === 'error') throw result.error
      expect(result.data.error).toBeUndefined()
      const id = result.data.id
      if (id === null) throw new Error('The harness must start a real (not deferred) call.')
      return id
    }

    it('names itself and declares every capability as a boolean', () => {
      expect(setup.client.name).toMatch(/^[a-z][a-z-]*$/)
      for (const key of [
        'deferredDial',
        'hangup',
        'hold',
        'mute',
        'dtmf',
        'updateAssociatedObject',
      ] as const) {
        expect(typeof setup.client.capabilities[key]).toBe('boolean')
      }
    })

    it('has a method for each capability it declares', () => {
      const { client } = setup
      if (client.capabilities.hangup) expect(client.hangup).toBeTypeOf('function')
      if (client.capabilities.hold) {
        expect(client.hold).toBeTypeOf('function')
        expect(client.resume).toBeTypeOf('function')
      }
      if (client.capabilities.mute) expect(client.mute).toBeTypeOf('function')
      if (client.capabilities.dtmf) expect(client.sendDtmf).toBeTypeOf('function')
      if (client.capabilities.updateAssociatedObject)
        expect(client.updateAssociatedObject).toBeTypeOf('function')
      if (client.capabilities.afterCallWork) expect(client.completeWrapUp).toBeTypeOf('function')
      if (client.capabilities.answer) expect(client.answer).toBeTypeOf('function')
      if (client.capabilities.decline) expect(client.decline).toBeTypeOf('function')
      if (client.capabilities.callerId) expect(client.listCallerIds).toBeTypeOf('function')
    })

    it('says whether a person can choose the caller ID, and lists numbers as text when so', async () => {
      const { callerId } = setup.client.capabilities
      expect(callerId === undefined || typeof callerId === 'boolean').toBe(true)
      if (!callerId) return
      const list = await setup.client.listCallerIds!()
      expect(Array.isArray(list)).toBe(true)
      for (const entry of list) expect(entry.number).toMatch(/\S/)
    })

    it.each(['', 'call me', '+1 (555) abc', '+0123456789', '1'])(
      'refuses the number %j with invalid_number before any request',
      async (input) => {
        const result = await setup.client.startCall(input, contact)
        expect(result.status).toBe('error')
        if (result.status === 'error') {
          expect(isCallError(result.error)).toBe(true)
          expect(result.error.code).toBe('invalid_number')
          expect(result.error.message.length).toBeGreaterThan(10)
        }
        expect(setup.peer.startRequests()).toBe(0)
      },
    )

    it.each([
      ['a number', 14165550199],
      ['null', null],
      ['undefined', undefined],
      ['an object', { phoneNumber: '+14165550199' }],
    ])(
      'resolves a start with %s for a phone number to its error envelope: no throw, no rejection, no request',
      async (_label, input) => {
        // Apps in plain JavaScript can pass anything: the contract still holds.
        const start = () => setup.client.startCall(input as unknown as string, contact)
        let pending: ReturnType<CallClient['startCall']> | undefined
        expect(() => {
          pending = start()
        }).not.toThrow()
        const result = await pending!
        expect(result.status).toBe('error')
        if (result.status === 'error') {
          expect(isCallError(result.error)).toBe(true)
          expect(result.error.code).toBe('invalid_number')
          expect(result.error.provider?.provider).toBe(setup.client.name)
        }
        expect(setup.peer.startRequests()).toBe(0)
      },
    )

    it('refuses a malformed associated object with invalid_argument before any request', async () => {
      const bad = {
        id: 42,
        type: 'contact',
        displayName: 'Ada',
        displayType: 'Contact',
        customFields: { tier: 1 },
      }
      const result = await setup.client.startCall(
        setup.validNumber,
        bad as unknown as InteractionAssociatedObject,
      )
      expect(result.status === 'error' && result.error.code).toBe('invalid_argument')
      expect(setup.peer.startRequests()).toBe(0)
    })

    it('starts a call, reports its id, and streams it to connected and ended', async () => {
      const id = await start()
      expect(setup.peer.startRequests()).toBe(1)
      await waitForStatus(store, id, ['initiating', 'dialing', 'ringing'], timeout)
      await setup.peer.answer(id)
      await waitForStatus(store, id, ['connected'], timeout)
      await setup.peer.remoteHangup(id)
      await waitForStatus(store, id, ['ended'], timeout)
      const interaction = findInteraction(store.getState(), id)
      expect(interaction?.status).toBe('ended')
      expect(interaction?.connectedAt).toBeTypeOf('number')
    })

    it('resolves a provider failure to an error envelope, never a rejection', async () => {
      await setup.peer.failNextStart()
      const result = await setup.client.startCall(setup.validNumber, contact)
      expect(result.status).toBe('error')
      if (result.status === 'error') {
        expect(isCallError(result.error)).toBe(true)
        expect(result.error.provider?.provider).toBe(setup.client.name)
      }
    })

    it('resolves an aborted start to an aborted error', async () => {
      const controller = new AbortController()
      controller.abort()
      const result = await setup.client.startCall(setup.validNumber, contact, {
        signal: controller.signal,
      })
      expect(result.status === 'error' && result.error.code).toBe('aborted')
    })

    it('hangs up a live call when it can, and says not_supported when it cannot', async () => {
      const id = await start()
      await waitForStatus(store, id, ['initiating', 'dialing', 'ringing'], timeout)
      await setup.peer.answer(id)
      await waitForStatus(store, id, ['connected'], timeout)
      if (setup.client.capabilities.hangup) {
        const result = await setup.client.hangup!(id)
        expect(result.status).toBe('success')
        await waitForStatus(store, id, ['ended'], timeout)
      } else if (setup.client.hangup) {
        const result = await setup.client.hangup(id)
        expect(result.status === 'error' && result.error.code).toBe('not_supported')
      }
    })

    it('stops delivering events after unsubscribe', async () => {
      const id = await start()
      await waitForStatus(store, id, ['initiating', 'dialing', 'ringing'], timeout)
      unsubscribe()
      const before = findInteraction(store.getState(), id)
      await setup.peer.answer(id)
      await new Promise((resolve) => setTimeout(resolve, 150))
      expect(findInteraction(store.getState(), id)).toBe(before)
    })

    if (harness.inbound) {
      const caller = '+14165550123'
      const inbound = () => {
        if (!setup.peer.inbound) throw new Error('An inbound harness needs an inbound peer.')
        return setup.peer.inbound
      }

      it('shows an inbound call ringing, with the caller’s number', async () => {
        await inbound().ring(caller)
        const id = await waitForInbound(store, caller, timeout)
        expect(findInteraction(store.getState(), id)).toMatchObject({
          status: 'ringing',
          direction: 'inbound',
          phoneNumber: caller,
        })
      })

      it('answers a ringing inbound call when it can, and says not_supported when it cannot', async () => {
        await inbound().ring(caller)
        const id = await waitForInbound(store, caller, timeout)
        const { answer } = {
          ...setup.client.capabilities,
          ...findInteraction(store.getState(), id)?.capabilities,
        }
        expect(Boolean(answer)).toBe(harness.inbound!.answer)
        if (answer) {
          const result = await setup.client.answer!(id)
          expect(result.status).toBe('success')
          await waitForStatus(store, id, ['connected'], timeout)
        } else if (setup.client.answer) {
          const result = await setup.client.answer(id)
          expect(result.status === 'error' && result.error.code).toBe('not_supported')
        } else expect(setup.client.answer).toBeUndefined()
      })

      it('declines a ringing inbound call when it can: it ends declined', async () => {
        await inbound().ring(caller)
        const id = await waitForInbound(store, caller, timeout)
        const { decline } = {
          ...setup.client.capabilities,
          ...findInteraction(store.getState(), id)?.capabilities,
        }
        expect(Boolean(decline)).toBe(harness.inbound!.decline)
        if (decline) {
          const result = await setup.client.decline!(id)
          expect(result.status).toBe('success')
          await waitForStatus(store, id, ['ended'], timeout)
          expect(findInteraction(store.getState(), id)?.outcome).toBe('declined')
        } else if (setup.client.decline) {
          const result = await setup.client.decline(id)
          expect(result.status === 'error' && result.error.code).toBe('not_supported')
        } else expect(setup.client.decline).toBeUndefined()
      })

      it('ends an inbound call that rings out unanswered as missed', async () => {
        await inbound().ring(caller)
        const id = await waitForInbound(store, caller, timeout)
        await inbound().ringOut(caller)
        await waitForStatus(store, id, ['ended'], timeout)
        expect(findInteraction(store.getState(), id)?.outcome).toBe('missed')
      })
    }

    it('can be disposed twice without throwing', () => {
      setup.client.dispose()
      expect(() => setup.client.dispose()).not.toThrow()
    })
  })
}

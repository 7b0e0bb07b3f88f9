// @vitest-environment node
import { runClientContract } from '../contract.js'
import { dialStackInboundCalls } from '../../../src/clients/dialstack/index.js'
import { setupDialStack } from './setupDialStack.js'

runClientContract({
  name: 'dialstack (browser → createDialStackHandler → fake api.dialstack.ai over loopback HTTP)',
  // call.incoming is a screen pop: the user answers on their own phones (no answer or decline here).
  inbound: { answer: false, decline: false },
  async setup() {
    const setup = await setupDialStack({
      subscribe: false,
      client: { inbound: dialStackInboundCalls() },
    })
    const { fake } = setup
    const ringing = new Map<string, string>()
    /** The fake's call for the client's tracking id: one call at a time in the contract. */
    const callFor = async () => {
      const call = fake.latestCall()
      if (!call) throw new Error('No call reached the fake DialStack.')
      await fake.waitForStreams(1)
      return call.id
    }
    return {
      client: setup.client,
      validNumber: '+15551234567',
      peer: {
        startRequests: setup.startRequests,
        answer: async () => fake.answer(await callFor()),
        remoteHangup: async () => fake.end(await callFor(), 'completed'),
        failNextStart: async () =>
          fake.failNext('calls.create', { status: 500, body: { error: 'Internal server error' } }),
        inbound: {
          ring: async (from: string) => {
            await fake.waitForStreams(1)
            ringing.set(from, fake.incoming(from))
          },
          ringOut: async (from: string) =>
            fake.inboundEvent('call.end', ringing.get(from)!, from, { status: 'no-answer' }),
        },
      },
      teardown: setup.teardown,
    }
  },
})

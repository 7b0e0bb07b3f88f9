// @vitest-environment node
import { runClientContract } from '../contract.js'
import { setupGenesys } from './harness.js'

runClientContract({
  name: 'genesys (real HTTP + real Bayeux on 127.0.0.1)',
  inbound: { answer: true, decline: true },
  async setup() {
    const { server, client, teardown } = await setupGenesys()
    // Opens the session and the notifications, so a call that rings is heard.
    await client.snapshot()
    const ringing = (from: string) => {
      const call = [...server.calls.values()].find((c) => c.ani === from && c.state === 'Ringing')
      if (!call) throw new Error(`The server has no call ringing from ${from}.`)
      return call
    }
    const callOf = (id: string) => {
      const call = server.findCall(id)
      if (!call) throw new Error(`The server has no call for ${id}.`)
      return call
    }
    return {
      client,
      validNumber: '+14165550199',
      peer: {
        startRequests: () => server.dialRequests().length,
        answer: async (id) => server.setState(callOf(id).id, 'Established'),
        remoteHangup: async (id) => server.setState(callOf(id).id, 'Released'),
        failNextStart: async () =>
          server.inject('Dial', { statusCode: 4, statusMessage: 'Internal error' }),
        inbound: {
          // Delivered through a queue, so the agent may reject it.
          ring: async (from) => void server.ring(from, { viaQueue: true }),
          ringOut: async (from) => server.setState(ringing(from).id, 'Released'),
        },
      },
      teardown,
    }
  },
})

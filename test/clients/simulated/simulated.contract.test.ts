import { createSimulatedClient } from '../../../src/clients/simulated/index.js'
import { runClientContract } from '../contract.js'

runClientContract({
  name: 'simulated',
  inbound: { answer: true, decline: true },
  async setup() {
    const client = createSimulatedClient({
      delays: { start: 5, ringing: 5, answer: 60_000, noAnswer: 60_000 },
    })
    return {
      client,
      validNumber: '+14165550199',
      peer: {
        startRequests: () => client.control.requests.length,
        answer: async (id) => {
          while (client.control.calls().find((c) => c.id === id)?.status === 'dialing')
            client.control.advance(id)
          client.control.advance(id)
        },
        remoteHangup: async (id) => client.control.end(id, 'completed'),
        failNextStart: async () => client.control.failNextStart('provider_error'),
        inbound: {
          ring: async (from) => void client.control.ring({ from }),
          // The caller gives up: the simulator's ring-out, now.
          ringOut: async (from) => {
            const call = client.control.calls().find((c) => c.phoneNumber === from)
            if (call) client.control.end(call.id, 'missed')
          },
        },
      },
      teardown: async () => {},
    }
  },
})

import { createSimulatedClient } from '../../../src/clients/simulated/index.js'
import { runClientContract } from '../contract.js'

runClientContract({
  name: 'simulated',
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
      },
      teardown: async () => {},
    }
  },
})

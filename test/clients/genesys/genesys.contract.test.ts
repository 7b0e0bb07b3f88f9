// @vitest-environment node
import { runClientContract } from '../contract.js'
import { setupGenesys } from './harness.js'

runClientContract({
  name: 'genesys (real HTTP + real Bayeux on 127.0.0.1)',
  async setup() {
    const { server, client, teardown } = await setupGenesys()
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
      },
      teardown,
    }
  },
})

// @vitest-environment node
import { createTetherClient } from '../../../src/clients/tether/index.js'
import { startTetherServer } from '../../servers/tetherServer.js'
import { runClientContract, type ContractSetup } from '../contract.js'

const silent = { debug() {}, warn() {} }

async function setup(withHangup: boolean): Promise<ContractSetup> {
  const server = await startTetherServer()
  const client = createTetherClient({
    baseUrl: server.url,
    getToken: () => 'token-ada',
    poll: { intervalMs: 15 },
    timeoutMs: 1000,
    logger: silent,
    // The voice SDK's hang-up: Sinch ends the leg and its DiCE callback completes Tether's record.
    ...(withHangup && { hangup: (callId: string) => server.setStatus(callId, 'completed') }),
  })
  return {
    client,
    validNumber: '+14165550199',
    peer: {
      startRequests: () => server.requestsTo('initiate').length,
      answer: async (id) => server.setStatus(id, 'in-progress'),
      remoteHangup: async (id) => server.setStatus(id, 'completed'),
      failNextStart: async () => server.failNext('initiate', 'Database unavailable'),
    },
    teardown: () => server.close(),
  }
}

runClientContract({ name: 'tether (with the voice SDK hang-up)', setup: () => setup(true) })
runClientContract({ name: 'tether (no hang-up: not_supported)', setup: () => setup(false) })

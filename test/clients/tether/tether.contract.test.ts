// @vitest-environment node
import { createTetherClient, tetherInboundCalls } from '../../../src/clients/tether/index.js'
import { startTetherServer } from '../../servers/tetherServer.js'
import { runClientContract, type ContractSetup } from '../contract.js'

const silent = { debug() {}, warn() {} }

async function setup(withVoiceSdk: boolean): Promise<ContractSetup> {
  const server = await startTetherServer()
  const client = createTetherClient({
    baseUrl: server.url,
    getToken: () => 'token-ada',
    poll: { intervalMs: 15 },
    timeoutMs: 1000,
    logger: silent,
    // The voice SDK's controls. Hang-up: Sinch ends the leg and its DiCE callback completes
    // Tether's record. Answer and decline: the SDK accepts or rejects the ringing leg.
    ...(withVoiceSdk && { hangup: (callId: string) => server.setStatus(callId, 'completed') }),
    inbound: tetherInboundCalls(
      withVoiceSdk ? { answer: () => undefined, decline: () => undefined } : {},
    ),
  })
  // Inbound calls reach the client from the voice SDK's incoming event, by the caller's number.
  const ringing = new Map<string, string>()
  return {
    client,
    validNumber: '+14165550199',
    peer: {
      startRequests: () => server.requestsTo('initiate').length,
      answer: async (id) => server.setStatus(id, 'in-progress'),
      remoteHangup: async (id) => server.setStatus(id, 'completed'),
      failNextStart: async () => server.failNext('initiate', 'Database unavailable'),
      inbound: {
        async ring(from) {
          const result = await client.incoming({ from })
          if (result.status === 'error') throw result.error
          ringing.set(from, result.data.id)
        },
        async ringOut(from) {
          client.endIncoming(ringing.get(from)!)
        },
      },
    },
    teardown: () => server.close(),
  }
}

runClientContract({
  name: 'tether (with the voice SDK controls)',
  inbound: { answer: true, decline: true },
  setup: () => setup(true),
})
runClientContract({
  name: 'tether (no voice SDK controls: not_supported)',
  inbound: { answer: false, decline: false },
  setup: () => setup(false),
})

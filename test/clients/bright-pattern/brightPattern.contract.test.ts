import {
  brightPatternAfterCallWork,
  brightPatternCallerId,
  createBrightPatternClient,
} from '../../../src/clients/bright-pattern/index.js'
import { createFakeAdApi, type FakeAdApiOptions } from '../../servers/fakeAdApi.js'
import { runClientContract } from '../contract.js'
import { durationAnswered, NUMBER, quietLogger } from './harness.js'

function harness(name: string, options: FakeAdApiOptions) {
  return {
    name,
    inbound: { answer: true, decline: true },
    async setup() {
      const adApi = createFakeAdApi(options)
      // The fake's answer signal: Bright Pattern documents none, so the app configures its own.
      const client = createBrightPatternClient({
        adApi,
        logger: quietLogger(),
        answerSignal: durationAnswered,
        // Its opt-in capabilities, so the suite's caller-ID and wrap-up cases run on it.
        callerId: brightPatternCallerId(),
        afterCallWork: brightPatternAfterCallWork(),
      })
      return {
        client,
        validNumber: NUMBER,
        peer: {
          startRequests: () => adApi.startRequests(),
          answer: async (id: string) => adApi.answer(id),
          remoteHangup: async (id: string) => adApi.remoteHangup(id),
          failNextStart: async () => adApi.failNext('startCall', 'unknown_error', 'SIP 503'),
          inbound: {
            ring: async (from: string) => void adApi.receiveInbound(from),
            ringOut: async (from: string) => adApi.ringOut(from),
          },
        },
        teardown: async () => adApi.dispose(),
      }
    },
  }
}

runClientContract(harness('bright-pattern', {}))

// The 5.19 page's envelope, payloads keyed by `id` (the doc examples) and the older
// `OperationResult<InteractionData>` start result, all at once: the client must not care.
runClientContract(
  harness(
    'bright-pattern (5.19 envelope, id-only payloads, InteractionData start result, slow widget)',
    {
      envelope: 'legacy',
      idField: 'id',
      startResult: 'interaction',
      delayMs: 3,
      eventDelayMs: 2,
    },
  ),
)

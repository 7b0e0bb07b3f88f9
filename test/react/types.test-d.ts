/**
 * Type tests for the public generics. Checked by `tsc` (Vitest typecheck), never run: the hooks
 * are called here only to read their types.
 */
import { useMutation } from '@tanstack/react-query'
import { describe, expectTypeOf, it } from 'vitest'
import {
  success,
  type CallCapabilities,
  type CallClient,
  type CallError,
  type CallErrorInfo,
  type CallEvent,
  type CallOutcome,
  type CallStatus,
  type ConnectionStatus,
  type ControlResult,
  type DialString,
  type DialStringResult,
  type InitiateResult,
  type Interaction,
  type InteractionAssociatedObject,
  type InteractionEventInit,
  type LiveCallStatus,
  type OperationResult,
  type ResultError,
  type StartCallData,
  type StartCallResult,
  type StartCallVariables,
} from '../../src/core/index.js'
import { NO_CAPABILITIES } from '../../src/core/CallClient.js'
import {
  liveInteractions,
  startCallMutationOptions,
  useCallControls,
  useCallRuntime,
  useCallStore,
  useDialpad,
  useInteraction,
  useInteractions,
  useStartCall,
  type CallControl,
} from '../../src/index.js'

describe('useStartCall', () => {
  it('types data, variables and error', () => {
    const start = useStartCall()
    expectTypeOf(start.data).toEqualTypeOf<StartCallData | undefined>()
    expectTypeOf(start.variables).toEqualTypeOf<StartCallVariables | undefined>()
    expectTypeOf(start.error).toEqualTypeOf<CallError | null>()
    expectTypeOf(start.deferred).toEqualTypeOf<boolean>()
    expectTypeOf(start.startCall).toEqualTypeOf<
      (
        phoneNumber: string,
        associatedObject?: InteractionAssociatedObject,
        options?: Pick<StartCallVariables, 'confirmed' | 'from' | 'signal'>,
      ) => void
    >()
    expectTypeOf(start.mutateAsync).returns.resolves.toEqualTypeOf<StartCallData>()
  })

  it('narrows on status like useMutation', () => {
    const start = useStartCall()
    if (start.status === 'success') expectTypeOf(start.data).toEqualTypeOf<StartCallData>()
    if (start.isError) expectTypeOf(start.error).toEqualTypeOf<CallError>()
    if (start.isIdle) expectTypeOf(start.data).toEqualTypeOf<undefined>()
    if (start.isPending) expectTypeOf(start.variables).toEqualTypeOf<StartCallVariables>()
  })

  it('types the callbacks and refuses the options the start owns', () => {
    useStartCall({
      onSuccess(data, variables) {
        expectTypeOf(data).toEqualTypeOf<StartCallData>()
        expectTypeOf(variables).toEqualTypeOf<StartCallVariables>()
      },
      onError(error) {
        expectTypeOf(error).toEqualTypeOf<CallError>()
        expectTypeOf(error.code).toEqualTypeOf<CallError['code']>()
      },
    })
    // @ts-expect-error the start owns its mutationFn
    useStartCall({ mutationFn: async () => ({ id: null, deferred: true, phoneNumber: '' }) })
    // @ts-expect-error a failed start is never retried
    useStartCall({ retry: 3 })
    // @ts-expect-error the start owns its key
    useStartCall({ mutationKey: ['mine'] })
  })
})

describe('startCallMutationOptions', () => {
  it('composes with useMutation and keeps the types', () => {
    const runtime = useCallRuntime()
    const mutation = useMutation({
      ...startCallMutationOptions(runtime),
      onSuccess(data, variables) {
        expectTypeOf(data).toEqualTypeOf<StartCallData>()
        expectTypeOf(variables).toEqualTypeOf<StartCallVariables>()
      },
    })
    expectTypeOf(mutation.data).toEqualTypeOf<StartCallData | undefined>()
    expectTypeOf(mutation.error).toEqualTypeOf<CallError | null>()
    expectTypeOf(mutation.mutate).parameter(0).toEqualTypeOf<StartCallVariables>()
    // @ts-expect-error variables need a phoneNumber
    mutation.mutate({})
  })
})

describe('store hooks', () => {
  it('useInteractions infers from its selector', () => {
    expectTypeOf(useInteractions()).toEqualTypeOf<readonly Interaction[]>()
    expectTypeOf(useInteractions((calls) => calls.length)).toEqualTypeOf<number>()
    expectTypeOf(useInteractions((calls) => calls.map((call) => call.status))).toEqualTypeOf<
      CallStatus[]
    >()
    expectTypeOf(useInteractions(liveInteractions)).toEqualTypeOf<Interaction[]>()
    useInteractions((calls) => {
      expectTypeOf(calls).toEqualTypeOf<readonly Interaction[]>()
      return null
    })
  })

  it('useInteraction, useCallStore, useCallControls, useDialpad', () => {
    expectTypeOf(useInteraction('sim-1')).toEqualTypeOf<Interaction | undefined>()
    expectTypeOf(useCallStore((state) => state.connection.status)).toEqualTypeOf<ConnectionStatus>()
    expectTypeOf(useCallStore((state) => state.capabilities)).toEqualTypeOf<CallCapabilities>()

    const controls = useCallControls('sim-1')
    expectTypeOf(controls.error).toEqualTypeOf<CallError | null>()
    expectTypeOf(controls.pending).toEqualTypeOf<CallControl | null>()
    expectTypeOf(controls.hangup).returns.toEqualTypeOf<Promise<void>>()

    const dialpad = useDialpad()
    expectTypeOf(dialpad.validation).toEqualTypeOf<DialStringResult | null>()
    if (dialpad.validation?.ok)
      expectTypeOf(dialpad.validation.dialString).toEqualTypeOf<DialString>()
    else if (dialpad.validation) expectTypeOf(dialpad.validation.error).toEqualTypeOf<CallError>()
  })
})

describe('OperationResult', () => {
  it('narrows on status', () => {
    const result = {} as StartCallResult
    if (result.status === 'success') {
      expectTypeOf(result.data).toEqualTypeOf<InitiateResult>()
      expectTypeOf(result.data.id).toEqualTypeOf<string | null>()
    } else {
      expectTypeOf(result.error).toEqualTypeOf<CallError>()
    }
    // @ts-expect-error data exists only once status says success
    void result.data
  })

  it("defaults to Bright Pattern's error envelope", () => {
    const result = {} as OperationResult<InitiateResult>
    if (result.status === 'error') expectTypeOf(result.error).toEqualTypeOf<ResultError>()
    expectTypeOf<OperationResult>().toEqualTypeOf<
      { status: 'success'; data: null } | { status: 'error'; error: ResultError }
    >()
    expectTypeOf<ControlResult>().toEqualTypeOf<OperationResult<null, CallError>>()
  })

  it('success() builds an envelope any client can return', () => {
    expectTypeOf(success({ id: 'a' })).toMatchTypeOf<OperationResult<{ id: string }, CallError>>()
  })
})

describe('CallClient', () => {
  it('is implementable with only the required members', () => {
    const minimal: CallClient = {
      name: 'mine',
      capabilities: NO_CAPABILITIES,
      startCall: async () => success({ id: 'call-1' }),
      subscribe: () => () => {},
      dispose() {},
    }
    expectTypeOf(minimal).toMatchTypeOf<CallClient>()
  })

  it('is implementable by a class with controls', () => {
    class MyClient implements CallClient {
      readonly name = 'mine'
      readonly capabilities: CallCapabilities = { ...NO_CAPABILITIES, hangup: true }
      async startCall(phoneNumber: string): Promise<StartCallResult> {
        return success({ id: phoneNumber })
      }
      subscribe(listener: (event: CallEvent) => void) {
        listener({ type: 'connection', status: 'open' })
        return () => {}
      }
      async hangup(): Promise<ControlResult> {
        return success(null)
      }
      dispose() {}
    }
    expectTypeOf<MyClient>().toMatchTypeOf<CallClient>()
  })

  it("refuses a start that resolves Bright Pattern's raw error shape", () => {
    const wrong: CallClient = {
      name: 'wrong',
      capabilities: NO_CAPABILITIES,
      // @ts-expect-error a client resolves with a CallError, not a bare { code, name }
      startCall: async () => ({ status: 'error' as const, error: { code: 1, name: 'x' } }),
      subscribe: () => () => {},
      dispose() {},
    }
    void wrong
  })
})

describe('CallEvent', () => {
  it('narrows on type', () => {
    const event = {} as CallEvent
    switch (event.type) {
      case 'status':
        expectTypeOf(event.status).toEqualTypeOf<LiveCallStatus>()
        expectTypeOf(event.interactionId).toEqualTypeOf<string>()
        expectTypeOf(event.seq).toEqualTypeOf<number | undefined>()
        break
      case 'ended':
        expectTypeOf(event.outcome).toEqualTypeOf<CallOutcome>()
        break
      case 'failed':
        expectTypeOf(event.error).toEqualTypeOf<CallErrorInfo>()
        break
      case 'updated':
        expectTypeOf(event.rawState).toEqualTypeOf<string | undefined>()
        break
      case 'completed':
        expectTypeOf(event.interactionId).toEqualTypeOf<string>()
        break
      case 'connection':
        expectTypeOf(event.status).toEqualTypeOf<ConnectionStatus>()
        break
      case 'capabilities':
        expectTypeOf(event.capabilities).toEqualTypeOf<Partial<CallCapabilities>>()
        break
      case 'activated':
        expectTypeOf(event.interactionId).toEqualTypeOf<string | null>()
        break
      default:
        expectTypeOf(event).toBeNever()
    }
  })

  it('refuses impossible events', () => {
    // @ts-expect-error a status event carries a live status only; ending is its own event
    const ended: CallEvent = { type: 'status', status: 'ended', interactionId: 'a', at: 0 }
    // @ts-expect-error an ended event needs its outcome
    const noOutcome: CallEvent = { type: 'ended', interactionId: 'a', at: 0 }
    const init: InteractionEventInit = { type: 'status', status: 'ringing', rawState: 'Ringing' }
    // @ts-expect-error a client stamps the id itself
    const stamped: InteractionEventInit = { type: 'updated', interactionId: 'a' }
    void [ended, noOutcome, init, stamped]
  })
})

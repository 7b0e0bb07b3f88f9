// @vitest-environment node
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { contact, waitForStatus } from '../contract.js'
import { genesysAfterCallWork } from '../../../src/clients/genesys/index.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'
import { setupGenesys, until, type GenesysSetup } from './harness.js'

const sample = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/genesys/${name}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>

describe('Genesys client: after-call work', { timeout: 8000 }, () => {
  let setup: GenesysSetup | undefined
  afterEach(async () => {
    await setup?.teardown()
    setup = undefined
  })

  /** A call dialed here and answered by the far end. */
  async function connectedCall() {
    const result = await setup!.client.startCall('+14165550199', contact)
    if (result.status === 'error') throw result.error
    const id = result.data.id!
    const call = setup!.server.findCall(id)!
    await waitForStatus(setup!.store, id, ['dialing'])
    setup!.server.setState(call.id, 'Established')
    await waitForStatus(setup!.store, id, ['connected'])
    return { id, call }
  }

  it('writes the disposition and notes to the live call with UpdateUserData, under DispositionCode as in the GWS sample', async () => {
    setup = await setupGenesys({}, { afterCallWork: genesysAfterCallWork() })
    const { client, server } = setup
    expect(client.capabilities.afterCallWork).toBe(true)
    const { id, call } = await connectedCall()

    const result = await client.attachWrapUp(id, {
      disposition: 'IssueResolved',
      notes: 'Wants a call back on Monday',
    })

    expect(result).toEqual({ status: 'success', data: null })
    const [update] = server.operations('UpdateUserData')
    // The documented request's shape: the operation and a flat userData object.
    expect(Object.keys(update!).sort()).toEqual(
      Object.keys(sample('update-user-data-request.json')).sort(),
    )
    expect(update).toEqual({
      operationName: 'UpdateUserData',
      userData: { DispositionCode: 'IssueResolved', Notes: 'Wants a call back on Monday' },
    })
    expect(server.calls.get(call.id)!.userData).toMatchObject({
      DispositionCode: 'IssueResolved',
      Notes: 'Wants a call back on Monday',
    })
  })

  it('takes the deployment’s own keys, and sends nothing for an empty wrap-up', async () => {
    setup = await setupGenesys(
      {},
      {
        afterCallWork: genesysAfterCallWork({
          dispositionKey: 'Disposition',
          notesKey: 'AgentNotes',
        }),
      },
    )
    const { id } = await connectedCall()
    expect(await setup.client.attachWrapUp(id, { notes: '  ' })).toEqual({
      status: 'success',
      data: null,
    })
    expect(setup.server.operations('UpdateUserData')).toEqual([])

    await setup.client.attachWrapUp(id, { disposition: 'Sale', notes: 'Two seats' })
    expect(setup.server.operations('UpdateUserData')).toEqual([
      {
        operationName: 'UpdateUserData',
        userData: { Disposition: 'Sale', AgentNotes: 'Two seats' },
      },
    ])
  })

  it('ends an answered call with after-call work, and Ready takes the agent out of AfterCallWork when the wrap-up is done', async () => {
    setup = await setupGenesys({}, { afterCallWork: genesysAfterCallWork() })
    const { client, server, store } = setup
    const { id } = await connectedCall()
    await client.attachWrapUp(id, { disposition: 'IssueResolved' })

    // The switch puts the agent in after-call work as the call ends (a wrap-up time).
    server.enterAfterCallWork()
    expect(server.agentState()).toEqual({ state: 'NotReady', workMode: 'AfterCallWork' })
    await client.hangup(id)
    await waitForStatus(store, id, ['ended'])
    expect(findInteraction(store.getState(), id)!).toMatchObject({
      outcome: 'completed',
      afterCallWork: true,
    })

    const completed = await client.completeWrapUp(id, { disposition: 'IssueResolved' })

    expect(completed).toEqual({ status: 'success', data: null })
    expect(server.voiceChannelRequests()).toEqual([{ operationName: 'Ready' }])
    await until(() => server.agentState().state === 'Ready', 3000, 'the agent to be Ready')
    const interaction = findInteraction(store.getState(), id)!
    expect(interaction.completedAt).toBeTypeOf('number')
    expect(interaction.afterCallWork).toBeUndefined()
    // Done once: completing again sends nothing more, and says `completed` no second time.
    const events: string[] = []
    const stop = client.subscribe((event) => events.push(event.type))
    await client.completeWrapUp(id, {})
    stop()
    expect(server.voiceChannelRequests()).toHaveLength(1)
    expect(events).not.toContain('completed')
    expect(setup.logger.warnings).toEqual([])
  })

  it('leaves a Ready agent alone, and says once that a wrap-up given only after the call reaches the call log alone', async () => {
    setup = await setupGenesys({}, { afterCallWork: genesysAfterCallWork() })
    const { client, server, store } = setup
    const { id } = await connectedCall()
    await client.hangup(id)
    await waitForStatus(store, id, ['ended'])

    const completed = await client.completeWrapUp(id, { disposition: 'IssueResolved' })

    expect(completed.status).toBe('success')
    // No attached data on a released call (it lists no capabilities), and no Ready for a Ready agent.
    expect(server.operations('UpdateUserData')).toEqual([])
    expect(server.voiceChannelRequests()).toEqual([])
    expect(findInteraction(store.getState(), id)!.completedAt).toBeTypeOf('number')
    expect(setup.logger.warnings).toEqual([
      expect.stringContaining('GWS takes no attached data on a released call'),
    ])
  })

  it('refuses to complete a live call; an unanswered call ends without after-call work, and has none to complete', async () => {
    setup = await setupGenesys({}, { afterCallWork: genesysAfterCallWork() })
    const { client, server, store } = setup
    const { id } = await connectedCall()
    const live = await client.completeWrapUp(id, {})
    expect(live.status === 'error' && live.error.code).toBe('invalid_state')

    const result = await client.startCall('+14165550123')
    if (result.status === 'error') throw result.error
    const unanswered = result.data.id!
    await waitForStatus(store, unanswered, ['dialing'])
    server.setState(server.findCall(unanswered)!.id, 'Released')
    await waitForStatus(store, unanswered, ['ended'])
    expect(findInteraction(store.getState(), unanswered)!.afterCallWork).toBeUndefined()

    // Nothing to complete: no Ready, and no `completed` for a wrap-up that never was.
    const events: string[] = []
    const stop = client.subscribe((event) => events.push(event.type))
    const completed = await client.completeWrapUp(unanswered, { notes: 'No answer' })
    stop()
    expect(completed).toEqual({ status: 'success', data: null })
    expect(events).not.toContain('completed')
    expect(server.voiceChannelRequests()).toEqual([])
    expect(findInteraction(store.getState(), unanswered)!.completedAt).toBeUndefined()
  })

  it('without the option: no after-call work capability, and the wrap-up controls say not_supported without a request', async () => {
    setup = await setupGenesys()
    const { client, server } = setup
    expect(client.capabilities.afterCallWork).toBe(false)
    const { id } = await connectedCall()
    const attached = await client.attachWrapUp(id, { disposition: 'IssueResolved' })
    const completed = await client.completeWrapUp(id, {})
    expect(attached.status === 'error' && attached.error.code).toBe('not_supported')
    expect(completed.status === 'error' && completed.error.code).toBe('not_supported')
    expect(completed.status === 'error' && completed.error.message).toBe(
      'This Genesys client leaves after-call work to Workspace: pass `afterCallWork: genesysAfterCallWork()` to createGenesysClient to do it from here.',
    )
    expect(server.operations('UpdateUserData')).toEqual([])
  })
})

/**
 * Store benchmarks (Node, run with `--expose-gc` by scripts/bench.mjs):
 *
 * 1. Throughput: 1,000,000 events over 10,000 interactions through `store.dispatch`, with
 *    interactions overlapping 10 and 100 at a time (an agent's desk, a wallboard); and 20,000
 *    short calls one after the other (a long shift, mostly new call ids). Each is run
 *    `ROUNDS` times on a fresh store and the best round is reported, timed two ways: wall time,
 *    and the process's CPU time (user + system, GC threads included), which on a machine shared
 *    with other work leaves out the time spent waiting for a core.
 * 2. Memory: heap after GC while 20,000 calls go through the store (its own bound), and through
 *    a `CallRuntime` over the simulated client (what a demo app holds).
 *
 * Prints one JSON line: the results.
 */
import { createSimulatedClient } from 'react-click-to-call/clients/simulated'
import { createCallRuntime, createCallStore, type CallEvent } from 'react-click-to-call/core'
import { NO_CAPABILITIES } from '../src/core/CallClient.js'

declare const gc: (() => void) | undefined

const EVENTS = 1_000_000
const ROUNDS = 5
const INTERACTIONS = 10_000
const PER_INTERACTION = EVENTS / INTERACTIONS

/**
 * The 100 events of one call: dialing, ringing, connected, then mute toggles, hold/resume, raw
 * state changes and (one in five) a duplicate of the previous event, then `ended`.
 */
function callEvents(id: string, start: number): CallEvent[] {
  const events: CallEvent[] = []
  let seq = 0
  const at = () => start + seq
  const push = (event: CallEvent) => events.push(event)
  for (const status of ['dialing', 'ringing', 'connected'] as const) {
    seq += 1
    push({ type: 'status', status, interactionId: id, at: at(), seq, rawState: status })
  }
  while (events.length < PER_INTERACTION - 1) {
    const step = events.length % 5
    if (step === 4) {
      push(events.at(-1)!)
      continue
    }
    seq += 1
    if (step === 0)
      push({ type: 'updated', interactionId: id, at: at(), seq, muted: seq % 2 === 0 })
    else if (step === 1)
      push({ type: 'status', status: 'held', interactionId: id, at: at(), seq, rawState: 'held' })
    else if (step === 2)
      push({
        type: 'status',
        status: 'connected',
        interactionId: id,
        at: at(),
        seq,
        rawState: 'connected',
      })
    else push({ type: 'updated', interactionId: id, at: at(), seq, rawState: `talking-${seq}` })
  }
  seq += 1
  push({
    type: 'ended',
    outcome: 'completed',
    interactionId: id,
    at: at(),
    seq,
    rawState: 'completed',
  })
  return events
}

/** Wall and CPU milliseconds of `work`. */
function timed(work: () => void): { wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage()
  const started = performance.now()
  work()
  const wallMs = performance.now() - started
  const { user, system } = process.cpuUsage(cpu)
  return { wallMs, cpuMs: (user + system) / 1000 }
}

/** A round's figures: events/s and µs/event, by wall time and by CPU time. */
function rate(events: number, { wallMs, cpuMs }: { wallMs: number; cpuMs: number }) {
  return {
    events,
    seconds: round(wallMs / 1000, 3),
    eventsPerSecond: Math.round(events / (wallMs / 1000)),
    microsecondsPerEvent: round((wallMs * 1000) / events, 2),
    cpuEventsPerSecond: Math.round(events / (cpuMs / 1000)),
  }
}

/** The best of `ROUNDS` rounds (the least disturbed by other work), and every round's events/s. */
function best<R extends { eventsPerSecond: number; cpuEventsPerSecond: number }>(
  round: () => R,
): R & { rounds: number[]; cpuRounds: number[] } {
  const results = Array.from({ length: ROUNDS }, round)
  const fastest = (key: 'eventsPerSecond' | 'cpuEventsPerSecond') =>
    Math.max(...results.map((r) => r[key]))
  return {
    ...results.reduce((a, b) => (b.eventsPerSecond > a.eventsPerSecond ? b : a)),
    cpuEventsPerSecond: fastest('cpuEventsPerSecond'),
    rounds: results.map((r) => r.eventsPerSecond),
    cpuRounds: results.map((r) => r.cpuEventsPerSecond),
  }
}

/** Events/s for 1 M events, `overlap` interactions interleaved at a time. Only dispatch is timed. */
function throughput(overlap: number) {
  const store = createCallStore({ capabilities: NO_CAPABILITIES })
  let dispatched = 0
  const time = { wallMs: 0, cpuMs: 0 }
  for (let group = 0; group < INTERACTIONS / overlap; group += 1) {
    const calls = Array.from({ length: overlap }, (_, i) =>
      callEvents(`call-${group * overlap + i}`, group * 1_000),
    )
    const interleaved: CallEvent[] = []
    for (let n = 0; n < PER_INTERACTION; n += 1)
      for (const call of calls) interleaved.push(call[n]!)
    const { dispatch } = store.getState()
    const { wallMs, cpuMs } = timed(() => {
      for (const event of interleaved) dispatch(event)
    })
    time.wallMs += wallMs
    time.cpuMs += cpuMs
    dispatched += interleaved.length
  }
  const state = store.getState()
  return {
    overlap,
    ...rate(dispatched, time),
    interactionsKept: state.live.length + Object.keys(state.ended).length,
  }
}

/**
 * Events/s for 20,000 short calls one after the other (dialing, ringing, connected, muted, ended):
 * a long shift of an agent's desk, where most events bring a call id the store has never seen.
 */
function shortCalls(calls = 20_000) {
  const store = createCallStore({ capabilities: NO_CAPABILITIES })
  const events: CallEvent[] = []
  for (let n = 0; n < calls; n += 1) {
    const id = `short-${n}`
    const at = n * 10
    events.push(
      { type: 'status', status: 'dialing', interactionId: id, at, seq: 1 },
      { type: 'status', status: 'ringing', interactionId: id, at: at + 1, seq: 2 },
      { type: 'status', status: 'connected', interactionId: id, at: at + 2, seq: 3 },
      { type: 'updated', interactionId: id, at: at + 3, seq: 4, muted: true },
      { type: 'ended', outcome: 'completed', interactionId: id, at: at + 4, seq: 5 },
    )
  }
  const { dispatch } = store.getState()
  const time = timed(() => {
    for (const event of events) dispatch(event)
  })
  return { calls, ...rate(events.length, time) }
}

function heapAfterGc(): number {
  if (!gc) throw new Error('Run with node --expose-gc.')
  for (let i = 0; i < 3; i += 1) gc()
  return process.memoryUsage().heapUsed
}

const CHECKPOINTS = [1_000, 5_000, 10_000, 20_000]
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits
const kB = (bytes: number) => round(bytes / 1024)

/** Heap after GC (whole process, kB) as 20,000 five-event calls go through a store (history limit 50). */
function storeMemory() {
  const store = createCallStore({ capabilities: NO_CAPABILITIES })
  const points: { calls: number; heapKB: number; interactions: number }[] = []
  let calls = 0
  for (const checkpoint of CHECKPOINTS) {
    for (; calls < checkpoint; calls += 1) {
      const id = `mem-${calls}`
      const at = calls * 10
      const { dispatch } = store.getState()
      dispatch({ type: 'status', status: 'dialing', interactionId: id, at, seq: 1 })
      dispatch({ type: 'status', status: 'ringing', interactionId: id, at: at + 1, seq: 2 })
      dispatch({ type: 'status', status: 'connected', interactionId: id, at: at + 2, seq: 3 })
      dispatch({ type: 'updated', interactionId: id, at: at + 3, seq: 4, muted: true })
      dispatch({ type: 'ended', outcome: 'completed', interactionId: id, at: at + 4, seq: 5 })
    }
    points.push({
      calls,
      heapKB: kB(heapAfterGc()),
      interactions: Object.keys(store.getState().ended).length,
    })
  }
  return { points, growthKBFrom1kTo20k: round(points.at(-1)!.heapKB - points[0]!.heapKB) }
}

/** Heap after GC (whole process, kB) as 20,000 calls go through a runtime over the simulated client, 500 at a time. */
async function runtimeMemory() {
  const client = createSimulatedClient({
    delays: { start: 0, ringing: 0, answer: 0, noAnswer: 0 },
    callDurationMs: 0,
  })
  // 500 calls at a time, as a wallboard places them: beside each other, none refused.
  const runtime = createCallRuntime({ client, whileOnCall: 'allow' })
  const disconnect = runtime.connect()
  const points: { calls: number; heapKB: number; interactions: number }[] = []
  let calls = 0
  const settle = () => new Promise((resolve) => setTimeout(resolve, 5))
  for (const checkpoint of CHECKPOINTS) {
    while (calls < checkpoint) {
      const batch = Math.min(500, checkpoint - calls)
      const starts = Array.from({ length: batch }, (_, i) =>
        runtime.startCall({ phoneNumber: `+1416${String(calls + i).padStart(7, '0')}` }),
      )
      calls += batch
      await Promise.all(starts)
      while (runtime.store.getState().live.length > 0) await settle()
    }
    points.push({
      calls,
      heapKB: kB(heapAfterGc()),
      interactions: Object.keys(runtime.store.getState().ended).length,
    })
  }
  disconnect()
  client.dispose()
  const growth = points.at(-1)!.heapKB - points[0]!.heapKB
  return {
    points,
    growthKBFrom1kTo20k: round(growth),
    bytesPerCall: Math.round((growth * 1024) / (CHECKPOINTS.at(-1)! - CHECKPOINTS[0]!)),
  }
}

// Memory first, on a heap that no earlier benchmark has filled.
const memory = { store: storeMemory(), runtimeWithSimulatedClient: await runtimeMemory() }
const results = {
  rounds: ROUNDS,
  throughput: [best(() => throughput(10)), best(() => throughput(100))],
  shortCalls: best(() => shortCalls()),
  memory,
}
console.log(JSON.stringify(results))

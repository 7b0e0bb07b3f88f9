/** Yields to the event loop (a macrotask, without setTimeout's 4 ms clamp), so React commits first. */
const channel = new MessageChannel()
const waiting: (() => void)[] = []
channel.port1.onmessage = () => waiting.shift()?.()

export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve)
    channel.port2.postMessage(null)
  })
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

/**
 * Waits until what came before is done: two frames, a timer turn (TanStack Query notifies its
 * observers on a timeout) and two frames again.
 */
export async function settle(): Promise<void> {
  await frame()
  await frame()
  await new Promise((resolve) => setTimeout(resolve, 50))
  await frame()
  await frame()
}

import type { TabChannel, TabLockManager } from '../../../src/core/tabs/createTabLink.js'

interface Waiter {
  owner: number
  signal?: AbortSignal
  grant(): void
  reject(error: unknown): void
}

/**
 * One browser's worth of tabs, in memory: a Web Locks manager (one holder per name, the others
 * queued in order) and BroadcastChannels that deliver to every other open channel of a name
 * asynchronously, as a structured clone. It can fail the way browsers do: a tab crashes (its
 * lock is released and its channels go silent without any cleanup), messages arrive twice, or
 * some are held back and delivered late.
 */
export function createFakeBrowser() {
  const holders = new Map<string, { owner: number; release(): void } | undefined>()
  const queues = new Map<string, Waiter[]>()
  const channels = new Set<{ owner: number; name: string; channel: TabChannel }>()
  const crashed = new Set<number>()
  const held: (() => void)[] = []
  const options = {
    /** Every message is delivered twice. */
    duplicate: false,
    /** Messages matching this are held back until `deliverLate()`. */
    holdBack: undefined as ((message: { type?: string; from?: string }) => boolean) | undefined,
  }

  function grantNext(name: string) {
    if (holders.get(name)) return
    const queue = queues.get(name) ?? []
    const next = queue.shift()
    if (next) next.grant()
  }

  function tab(owner: number) {
    const locks: TabLockManager = {
      request(name, { signal }, callback) {
        return new Promise((resolve, reject) => {
          const waiter: Waiter = {
            owner,
            signal,
            reject,
            grant() {
              let released = false
              const release = () => {
                if (released) return
                released = true
                holders.set(name, undefined)
                queueMicrotask(() => grantNext(name))
              }
              holders.set(name, { owner, release })
              void callback({ name }).then(
                (value) => {
                  release()
                  resolve(value)
                },
                (error: unknown) => {
                  release()
                  reject(error)
                },
              )
            },
          }
          signal?.addEventListener('abort', () => {
            const queue = queues.get(name) ?? []
            const index = queue.indexOf(waiter)
            if (index >= 0) {
              queue.splice(index, 1)
              reject(new DOMException('aborted', 'AbortError'))
            }
          })
          queues.set(name, [...(queues.get(name) ?? []), waiter])
          queueMicrotask(() => grantNext(name))
        })
      },
    }
    const openChannel = (name: string): TabChannel => {
      const entry = {
        owner,
        name,
        channel: {
          onmessage: null,
          postMessage(message: unknown) {
            if (crashed.has(owner)) return
            const data = structuredClone(message)
            for (const other of channels) {
              if (other === entry || other.name !== name) continue
              const deliver = () => {
                if (!crashed.has(other.owner) && channels.has(other))
                  other.channel.onmessage?.({ data: structuredClone(data) })
              }
              if (options.holdBack?.(data as { type?: string })) held.push(deliver)
              else {
                setTimeout(deliver, 0)
                if (options.duplicate) setTimeout(deliver, 0)
              }
            }
          },
          close() {
            channels.delete(entry)
          },
        } as TabChannel,
      }
      channels.add(entry)
      return entry.channel
    }
    return { locks, openChannel }
  }

  return {
    options,
    tab,
    /** The tab dies: its lock is freed, its channels fall silent, nothing of it runs again. */
    crash(owner: number) {
      crashed.add(owner)
      for (const holder of holders.values()) if (holder?.owner === owner) holder.release()
      for (const entry of channels) if (entry.owner === owner) channels.delete(entry)
    },
    /** Delivers the messages held back, now. */
    deliverLate() {
      for (const deliver of held.splice(0)) deliver()
    },
  }
}

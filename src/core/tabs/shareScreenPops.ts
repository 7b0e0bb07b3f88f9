import { createStore } from 'zustand/vanilla'
import type { TabLink } from './TabLink.js'

/**
 * Shares which calls were popped: the leader pops each call once, and a tab that takes the lead
 * mid-call does not pop again what the previous leader already opened. `changed()` after each pop.
 */
export function shareScreenPops(link: TabLink, popped: Set<string>) {
  const store = createStore(() => ({ ids: [...popped] }))
  return {
    changed: () => store.setState({ ids: [...popped] }),
    connect: () =>
      link.share('screen-pop', {
        store,
        pick: ({ ids }) => ({ ids }),
        apply: (value) => {
          for (const id of value.ids as string[]) popped.add(id)
        },
      }),
  }
}

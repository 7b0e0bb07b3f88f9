/**
 * `react-click-to-call/tabs`: one phone shared by the tabs of one app and one user. Its own
 * import, so an app whose tabs stay independent pays nothing for it.
 */

export { sharedTabs } from '../core/tabs/sharedTabs.js'
export type { SharedTabsOptions, TabSession, TabSharing } from '../core/tabs/sharedTabs.js'
export { useTabRole } from '../react/useTabRole.js'
export type { TabRole } from '../core/tabs/TabLink.js'
export type { TabChannel, TabLockManager } from '../core/tabs/createTabLink.js'

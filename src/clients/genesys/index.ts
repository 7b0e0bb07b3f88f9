/** `react-click-to-call/clients/genesys`: Genesys Web Services API v2 (`Dial` over HTTP, CometD notifications). */
export { createGenesysClient } from './createGenesysClient.js'
export type { GenesysBasicAuth, GenesysClientOptions } from './createGenesysClient.js'
export { createCometdNotifications } from './createCometdNotifications.js'
export type { CometdNotificationsOptions } from './createCometdNotifications.js'
export { genesysError } from './genesysError.js'
export type { GenesysCall, GenesysCallStateChangeMessage } from './GenesysCall.js'
export type { NotificationHandlers, NotificationSource } from './NotificationSource.js'

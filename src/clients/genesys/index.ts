/** `react-click-to-call/clients/genesys`: Genesys Web Services API v2 (`Dial` over HTTP, CometD notifications). */
export { createGenesysClient } from './createGenesysClient.js'
export type { GenesysClient } from './GenesysClient.js'
export type { GenesysClientOptions } from './options.js'
export { genesysAfterCallWork } from './afterCallWork.js'
export type {
  AfterCallWork,
  AfterCallWorkParts,
  GenesysAfterCallWork,
  GenesysAfterCallWorkKeys,
} from './afterCallWork.js'
export type { GenesysBasicAuth } from './gwsApi.js'
export { createCometdNotifications } from './createCometdNotifications.js'
export type { CometdNotificationsOptions } from './createCometdNotifications.js'
export type {
  GenesysCall,
  GenesysCallStateChangeMessage,
  GenesysParticipant,
} from './protocol/GenesysCall.js'
export type { NotificationHandlers, NotificationSource } from './NotificationSource.js'

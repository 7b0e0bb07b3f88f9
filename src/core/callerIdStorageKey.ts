/**
 * The storage key of a person's last caller-ID choice: per provider client and per signed-in
 * user, beside the call log's queue in the same storage.
 */
export function callerIdStorageKey(clientName: string, userId: string): string {
  return `react-click-to-call:caller-id:${encodeURIComponent(clientName)}:${encodeURIComponent(userId)}`
}

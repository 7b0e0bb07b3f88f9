import type { CallClient } from '../core/CallClient.js'

/** The optional parts of `CallClient`: the controls, the lists and `snapshot`. */
export type ClientControl = {
  [Key in keyof CallClient]-?: undefined extends CallClient[Key] ? Key : never
}[keyof CallClient]

/**
 * A `CallClient` that always has `Controls`, so an app calls them without `?.` or `!` (each still
 * resolves `not_supported` where the provider or the call cannot). A provider's named client type
 * declares the controls it has with it.
 */
export type ClientWith<Controls extends ClientControl> = Omit<CallClient, Controls> &
  Required<Pick<CallClient, Controls>>

/**
 * The widget's error codes by name, as the SDK names them (`resultErrorCodes`, `serverErrorCodes`).
 * Codes 1–17 and 99 are documented
 * (https://help.brightpattern.com/latest:AgentDesktop-client-side-javascript-api-specification/APIMethods);
 * 18–20 and the server codes are read from the vendor's reference integration.
 */

/** The names of `ResultError.code`, from the SDK's `resultErrorCodes` (18–20 only in the vendor's code). */
export const RESULT_ERROR_CODES = {
  not_enough_privileges: 1,
  not_logged_in: 2,
  invalid_args: 3,
  logged_without_phone: 4,
  banned: 5,
  api_not_answer: 6,
  invalid_request: 7,
  timeout: 8,
  no_chat_in_service: 9,
  empty_number: 10,
  no_service: 11,
  self_call: 12,
  no_interaction: 13,
  api_method_not_implemented: 14,
  not_suitable_state: 15,
  no_disposition: 16,
  object_not_found: 17,
  no_permissions_did_sms: 18,
  no_permissions_did_call: 19,
  no_channel_in_service: 20,
  unknown_error: 99,
} as const

/** A `ResultError.name`. */
export type ResultErrorName = keyof typeof RESULT_ERROR_CODES

/** The session and server errors of `ON_SERVER_ERROR`, from the SDK's `serverErrorCodes`. */
export const SERVER_ERROR_CODES = {
  forced_logout_by_other_client: 100,
  forced_logout_by_supervisor: 101,
  invalid_request: 102,
  phone_not_registered: 103,
  phone_not_in_dial_plan: 104,
  tenant_disabled: 105,
  destination_user_not_logged: 106,
  user_disabled_or_deleted: 107,
  user_already_logged_in: 108,
  invalid_credentials: 109,
  other_user_logged_with_phone: 110,
  invalid_token: 111,
  logged_users_limit_reached: 112,
  already_logged_in_with_the_same_session: 113,
  not_enough_privileges: 114,
  sip_server_error: 200,
  unknown_error: 300,
} as const

/** An `ON_SERVER_ERROR` name. */
export type ServerErrorName = keyof typeof SERVER_ERROR_CODES

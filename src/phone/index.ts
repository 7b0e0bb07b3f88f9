/**
 * `react-click-to-call/phone`: phone metadata for checking numbers and turning local numbers
 * into E.164. Only apps that import this pay for libphonenumber-js and the metadata they pick.
 */
export { createAsYouTypeFormatter } from './createAsYouTypeFormatter.js'
export { createPhoneNumberParser } from './createPhoneNumberParser.js'

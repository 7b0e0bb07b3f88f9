import type { DialStackAction } from '../../../src/server/index.js'
import { getSession } from './session.js'

/** The README's `authorize`, word for word: the rule the attack suite holds the handler to. */
export async function authorize(request: Request, action: DialStackAction) {
  const me = await getSession(request) // your own session lookup
  if (!me) return Response.json({ error: 'Sign in first', code: 'unauthorized' }, { status: 401 })
  // The event stream is account-wide: every user's call events reach whoever holds its secret.
  if (action.type === 'session') return me.maySeeAllCalls === true
  // Everything else names a DialStack user: a person may only use their own.
  return action.userId === me.dialstackUserId
}

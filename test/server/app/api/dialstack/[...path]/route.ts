/**
 * A Next.js App Router route module, as an app writes it (`app/api/dialstack/[...path]/route.ts`):
 * one handler, exported per method. The attack suite serves it the way Next.js does, dispatching
 * on the exported method names.
 */
import { createDialStackHandler } from '../../../../../../src/server/index.js'
import { authorize } from '../../../authorize.js'
import { routeOptions } from '../../../routeOptions.js'

const handler = createDialStackHandler({
  apiKey: process.env.DIALSTACK_API_KEY!,
  accountId: process.env.DIALSTACK_ACCOUNT_ID,
  baseUrl: process.env.DIALSTACK_API_URL,
  ...routeOptions.current,
  authorize,
})

export { handler as GET, handler as POST }

/**
 * The app's own session lookup, as the README's backend snippet assumes it: a `session` cookie
 * names a signed-in person. The attack suite signs people in and out here.
 */
export interface Person {
  dialstackUserId: string
  /** May hold a client secret for DialStack's account-wide event stream. */
  maySeeAllCalls: boolean
}

const people = new Map<string, Person>()

export function signIn(token: string, person: Person): void {
  people.set(token, person)
}

export function signOutEveryone(): void {
  people.clear()
}

export async function getSession(request: Request): Promise<Person | undefined> {
  const token = /(?:^|;\s*)session=([^;]+)/.exec(request.headers.get('Cookie') ?? '')?.[1]
  return token === undefined ? undefined : people.get(token)
}

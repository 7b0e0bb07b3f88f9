/**
 * Where the stories' CPU throttle is switched: a no-op unless `.storybook/throttleCpu.ts` (the
 * Vitest setup used with `STORIES_CPU_THROTTLE`) gives it the browser command that sets it. In
 * Storybook itself nothing is throttled.
 */
export const storyCpuThrottle: { set: (on: boolean) => Promise<void> | void } = {
  set: () => {},
}

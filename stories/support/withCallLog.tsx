import type { Decorator } from '@storybook/react-vite'
import { useState } from 'react'
import {
  CallLogProvider,
  createMemoryCallLogStorage,
  type CallLogProviderProps,
} from '../../src/call-log/index.js'

/** Dispositions as a CRM would list them. */
export const dispositions = [
  { value: 'interested', label: 'Interested' },
  { value: 'callback', label: 'Call back later' },
  { value: 'not-interested', label: 'Not interested' },
  { value: 'wrong-number', label: 'Wrong number' },
]

/** `parameters.callLog` of a story: how the CRM behind `onCallLog` answers, and the log's props. */
export interface CallLogParameters extends Partial<
  Pick<CallLogProviderProps, 'wrapUp' | 'dispositions'>
> {
  /** `ok` writes after a short delay, `fail` always refuses, `hang` never answers. Default `ok`. */
  crm?: 'ok' | 'fail' | 'hang'
}

function StoryLog({
  parameters,
  children,
}: {
  parameters: CallLogParameters
  children: React.ReactNode
}) {
  const [storage] = useState(createMemoryCallLogStorage)
  const { crm = 'ok', ...props } = parameters
  return (
    <CallLogProvider
      userId="story-agent"
      storage={storage}
      retryDelay={() => 600_000}
      onCallLog={(entry) =>
        crm === 'hang'
          ? new Promise(() => {})
          : new Promise((resolve, reject) =>
              setTimeout(
                () =>
                  crm === 'fail'
                    ? reject(new Error('The CRM did not answer (503).'))
                    : resolve({ id: `task-${entry.interactionId}` }),
                150,
              ),
            )
      }
      {...props}
    >
      {children}
    </CallLogProvider>
  )
}

/** Puts a story under a `CallLogProvider` (inside `withCalls`) configured by `parameters.callLog`. */
export const withCallLog: Decorator = (Story, context) => (
  <StoryLog parameters={(context.parameters as { callLog?: CallLogParameters }).callLog ?? {}}>
    <Story />
  </StoryLog>
)

import { afterEach, describe, expect, it, vi } from 'vitest'
import { consoleLogger, createClientLogger } from '../../src/client-kit/index.js'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('createClientLogger', () => {
  it('prefixes every line with [provider] and passes details through', () => {
    const logger = { debug: vi.fn(), warn: vi.fn() }
    const log = createClientLogger('genesys', logger)
    const detail = { statusCode: 4 }
    log.warn('resync failed', detail)
    log.debug('using the first device')
    expect(logger.warn).toHaveBeenCalledWith('[genesys] resync failed', detail)
    expect(logger.debug).toHaveBeenCalledWith('[genesys] using the first device')
  })

  it('logs a once() line the first time its key is seen only', () => {
    const logger = { debug: vi.fn(), warn: vi.fn() }
    const log = createClientLogger('tether', logger)
    for (let i = 0; i < 3; i++) log.once('order', 'warn', 'recording first')
    log.once('other', 'debug', 'another note')
    expect(logger.warn).toHaveBeenCalledTimes(1)
    expect(logger.debug).toHaveBeenCalledTimes(1)
  })

  it('keeps debug lines out of production builds, never warnings', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const logger = { debug: vi.fn(), warn: vi.fn() }
    const log = createClientLogger('tether', logger)
    log.debug('an assumption')
    log.once('k', 'debug', 'an assumption')
    log.warn('a problem')
    expect(logger.debug).not.toHaveBeenCalled()
    expect(logger.warn).toHaveBeenCalledTimes(1)
  })

  it('defaults to the console, read at call time', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    createClientLogger('simulated').warn('hello')
    expect(warn).toHaveBeenCalledWith('[simulated] hello')
    consoleLogger.warn('plain')
    expect(warn).toHaveBeenLastCalledWith('plain')
  })
})

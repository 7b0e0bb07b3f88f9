import { render, screen } from '@testing-library/react'
import metadata from 'libphonenumber-js/min/metadata'
import { CallButton } from '../../src/components/CallButton.js'
import { createPhoneNumberParser } from '../../src/phone/index.js'
import { ada, renderWithCalls } from './renderWithCalls.js'

const phoneNumbers = createPhoneNumberParser(metadata)

describe('CallButton variants and sizes', () => {
  it('is solid and medium by default', () => {
    renderWithCalls(<CallButton phoneNumber="+14165550199" associatedObject={ada} />)
    const button = screen.getByRole('button', { name: 'Call Ada Lovelace' })
    expect(button).toHaveAttribute('data-variant', 'solid')
    expect(button).toHaveAttribute('data-size', 'medium')
    expect(button).toHaveTextContent('Call')
  })

  it('soft keeps the label; size is exposed for styling', () => {
    renderWithCalls(
      <CallButton phoneNumber="+14165550199" associatedObject={ada} variant="soft" size="large" />,
    )
    const button = screen.getByRole('button', { name: 'Call Ada Lovelace' })
    expect(button).toHaveAttribute('data-variant', 'soft')
    expect(button).toHaveAttribute('data-size', 'large')
    expect(button).toHaveTextContent('Call')
  })

  it('icon shows no text, and is still named after whom it calls', () => {
    renderWithCalls(<CallButton phoneNumber="+14165550199" associatedObject={ada} variant="icon" />)
    const button = screen.getByRole('button', { name: 'Call Ada Lovelace' })
    expect(button).toHaveTextContent('')
  })

  it('link makes the formatted number itself the control', () => {
    renderWithCalls(
      <CallButton phoneNumber="+14165550199" associatedObject={ada} variant="link" />,
      {
        provider: { phoneNumbers },
      },
    )
    const button = screen.getByRole('button', { name: 'Call Ada Lovelace' })
    expect(button).toHaveTextContent('+1 416 555 0199')
  })

  it('shows why it cannot call as visible text beside it, not only on hover', () => {
    renderWithCalls(<CallButton phoneNumber="4165550123" associatedObject={ada} variant="icon" />)
    const button = screen.getByRole('button', { name: 'Call Ada Lovelace' })
    expect(button).toHaveAttribute('aria-disabled', 'true')
    const reason = screen.getByText(/Add the country code to “4165550123”/)
    expect(button).toHaveAccessibleDescription(reason.textContent!)
    expect(reason).toHaveAttribute('data-kind', 'reason')
  })

  it('throws outside CallProvider whatever the variant', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<CallButton phoneNumber="+14165550199" variant="link" />)).toThrow(
      /CallButton.*must be used within.*CallProvider/,
    )
  })
})

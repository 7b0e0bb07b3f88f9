/** `count` CRM contacts, each with its own number: the rows a benchmark page gives CallButtons. */
export const contacts = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `contact-${i + 1}`,
    type: 'contact',
    displayName: `Contact ${i + 1}`,
    displayType: 'Contact',
    customFields: {},
    phoneNumber: `+1416555${String(1000 + i)}`,
  }))

const SPACE = ' \t\n\r'

/**
 * The members of a JSON object, in order and with repeated names kept (`JSON.parse` keeps only
 * the last of each, so a field typed twice would be lost): each as its name and its value's JSON
 * text. `text` must already be known to be valid JSON whose value is an object (`JSON.parse` it
 * first): this reader finds where each member starts and ends, and checks nothing.
 *
 * @example
 * readJsonEntries('{"a": "1", "a": {"b": 2}}') // [['a', '"1"'], ['a', '{"b": 2}']]
 */
export function readJsonEntries(text: string): [name: string, json: string][] {
  const entries: [string, string][] = []
  let at = text.indexOf('{') + 1
  const skipSpace = () => {
    while (at < text.length && SPACE.includes(text[at]!)) at += 1
  }
  const skipString = () => {
    at += 1
    while (text[at] !== '"') at += text[at] === '\\' ? 2 : 1
    at += 1
  }
  // Up to the `,` or `}` that ends this member (strings and nested values skipped whole).
  const skipValue = () => {
    let depth = 0
    while (at < text.length) {
      const char = text[at]
      if (depth === 0 && (char === ',' || char === '}')) return
      if (char === '"') skipString()
      else {
        if (char === '{' || char === '[') depth += 1
        else if (char === '}' || char === ']') depth -= 1
        at += 1
      }
    }
  }
  skipSpace()
  if (text[at] === '}') return entries
  for (;;) {
    skipSpace()
    const nameStart = at
    skipString()
    const name = JSON.parse(text.slice(nameStart, at)) as string
    skipSpace()
    at += 1 // the `:`
    const valueStart = at
    skipValue()
    entries.push([name, text.slice(valueStart, at).trim()])
    if (text[at] === '}') return entries
    at += 1 // the `,`
  }
}

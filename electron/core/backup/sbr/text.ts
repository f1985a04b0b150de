// Character references, both ways. The app writes every character outside printable ASCII as a
// decimal reference to one UTF-16 code unit, so an emoji arrives as two surrogate references
// (&#55357;&#56832;) that strict XML parsers refuse. The reader therefore takes attribute values
// raw from htmlparser2 and decodes them here; the writer produces the same form.

// Decimal, hexadecimal, or one of XML's five named entities. Anything else (an HTML name such
// as &nbsp;, a bare &, a reference without its ;) is not a reference and stays as written.
const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g')
const REPLACEMENT = '\uFFFD'

function fromReference(whole: string, decimal?: string, hex?: string, name?: string): string {
  if (name !== undefined) return NAMED[name] ?? whole
  const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16)
  if (code === 0 || code > 0x10ffff) return REPLACEMENT
  // Code units, surrogates included, so two surrogate references next to each other make one
  // character; those left without a partner are replaced below.
  return code <= 0xffff ? String.fromCharCode(code) : String.fromCodePoint(code)
}

/** An attribute value as the file has it → the text it stands for. */
export function decodeReferences(raw: string): string {
  if (!raw.includes('&')) return raw
  const text = raw.replace(REFERENCE, fromReference)
  return LONE_SURROGATE.test(text) ? text.replace(LONE_SURROGATES, REPLACEMENT) : text
}

// Printable ASCII except the five characters XML gives a meaning to.
const UNSAFE = /[^\x20\x21\x23-\x25\x28-\x3b\x3d\x3f-\x7e]/g
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

function escapeUnit(unit: string): string {
  return ESCAPES[unit] ?? `&#${unit.charCodeAt(0)};`
}

/**
 * Text → an attribute value as the app writes it: the five XML characters as named entities,
 * everything else outside printable ASCII (newlines, accents, each half of an emoji) as a
 * decimal reference per UTF-16 code unit. The output is pure ASCII.
 */
export function escapeAttribute(text: string): string {
  UNSAFE.lastIndex = 0
  return UNSAFE.test(text) ? text.replace(UNSAFE, escapeUnit) : text
}

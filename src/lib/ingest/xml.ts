/**
 * Just enough XML for Office files, by pattern (a worker has no DOMParser): elements by name with any
 * namespace prefix, attributes, and a tag-by-tag walk for documents whose order matters (entities:
 * report-text.ts's `decodeEntities`, which reads an HTML page's).
 */
const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';
const ATTRS = `((?:[^>"']|"[^"]*"|'[^']*')*?)`;
const patterns = new Map<string, RegExp>();

/** Each `<name …>…</name>` or `<name …/>` in `xml` (any namespace prefix); not for an element nested in itself. */
export function* elements(xml: string, name: string): Generator<{ attrs: string; inner: string | null }> {
  const found = pattern(name);
  for (let m = found.exec(xml); m; m = found.exec(xml)) yield { attrs: m[1], inner: m[2] ?? null };
}

/** The pattern of `<name …>…</name>` and `<name …/>`, reset to the text's start: attributes in group 1, content in 2. */
export function pattern(name: string): RegExp {
  let found = patterns.get(name);
  if (!found) {
    found = new RegExp(`<${PREFIX}${name}(?=[\\s/>])${ATTRS}(?:/>|>([\\s\\S]*?)</${PREFIX}${name}\\s*>)`, 'g');
    patterns.set(name, found);
  }
  found.lastIndex = 0;
  return found;
}

export function firstText(xml: string, name: string): string | null {
  for (const { inner } of elements(xml, name)) return inner ?? '';
  return null;
}

/** Attributes by their name as written (`r:id`, `w:val`). */
export function attributes(attrs: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const m of attrs.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) result[m[1]] = m[2] ?? m[3];
  return result;
}

/** A tag (its local name, whether it closes or closes itself, its attributes) or the text between tags. */
export type XmlToken = { tag: string; closing: boolean; empty: boolean; attrs: string } | { text: string };

/** The document's tags and texts in order; comments, declarations and processing instructions are skipped. */
export function* tokens(xml: string): Generator<XmlToken> {
  const token = /<!--[\s\S]*?-->|<[!?][^>]*>|<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    if (m[5] !== undefined) yield { text: m[5] };
    else if (m[2] !== undefined) yield { tag: m[2], closing: m[1] === '/', empty: m[4] === '/', attrs: m[3] };
  }
}

/**
 * Leaves out elements whose content is not the document's text (a deleted change, a reading, a
 * comment): true for such an element's own tags and for every token inside it.
 */
export function leavesOut(names: ReadonlySet<string>): (token: XmlToken) => boolean {
  let depth = 0;
  return (token) => {
    if ('tag' in token && names.has(token.tag)) {
      if (!token.empty) depth += token.closing ? -1 : 1;
      return true;
    }
    return depth > 0;
  };
}

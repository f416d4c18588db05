/**
 * The few pieces of XML a workbook's reader needs, found with indexOf in one pass: no regular expression that could
 * search the rest of a long text again from every `<` (a row of millions of characters stays a linear read).
 */

const isNameChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46 || c === 58 || c > 127;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Where an element named `local` (any namespace prefix) starts at or after `from`: its `<`, its prefix (with its colon) and the end of its name. */
export interface OpenAt {
  start: number;
  prefix: string;
  nameEnd: number;
}

/**
 * The next start of an element named `local`, its tag perhaps not yet complete; null when there is none. A name cut
 * at the end of `xml` is not taken (the caller keeps that end for the next chunk).
 */
export function nextOpen(xml: string, local: string, from: number): OpenAt | null {
  let i = xml.indexOf('<', from);
  while (i >= 0) {
    let j = i + 1;
    while (j < xml.length && isNameChar(xml.charCodeAt(j))) j++;
    const after = xml.charCodeAt(j);
    if (j < xml.length && (isSpace(after) || after === 47 || after === 62)) {
      let nameStart = i + 1;
      for (let k = j - 1; k > i; k--) {
        if (xml.charCodeAt(k) === 58) {
          nameStart = k + 1;
          break;
        }
      }
      if (j - nameStart === local.length && xml.startsWith(local, nameStart)) return { start: i, prefix: xml.slice(i + 1, nameStart), nameEnd: j };
    }
    i = xml.indexOf('<', j > i + 1 ? j : i + 1);
  }
  return null;
}

/** A complete start tag: its text (`<c r="A1" t="s">`), where it ends, and whether it closes itself (`<c/>`). */
export interface StartTag {
  start: number;
  prefix: string;
  /** the index just past its `>` */
  end: number;
  selfClosing: boolean;
}

/** The next complete start tag of an element named `local`; null when there is none (or it has no `>`). */
export function startTag(xml: string, local: string, from: number): StartTag | null {
  const open = nextOpen(xml, local, from);
  if (!open) return null;
  const gt = xml.indexOf('>', open.nameEnd);
  if (gt < 0) return null;
  return { start: open.start, prefix: open.prefix, end: gt + 1, selfClosing: xml.charCodeAt(gt - 1) === 47 };
}

/** Calls `take` with each attribute of a start tag, read left to right in one pass: its local name (a prefix dropped) and raw value. */
function eachAttribute(tag: string, take: (name: string, value: string) => void): void {
  const n = tag.length;
  let i = 1;
  while (i < n && isNameChar(tag.charCodeAt(i))) i++;
  while (i < n) {
    while (i < n && !isNameChar(tag.charCodeAt(i))) i++;
    const nameStart = i;
    let colon = -1;
    while (i < n && isNameChar(tag.charCodeAt(i))) {
      if (tag.charCodeAt(i) === 58) colon = i;
      i++;
    }
    const nameEnd = i;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const q = tag.charCodeAt(i);
    if (q !== 34 && q !== 39) continue;
    const close = tag.indexOf(q === 34 ? '"' : "'", i + 1);
    if (close < 0) return;
    if (nameEnd > nameStart) take(tag.slice(colon >= 0 ? colon + 1 : nameStart, nameEnd), tag.slice(i + 1, close));
    i = close + 1;
  }
}

/** The attributes of a start tag, by local name (a namespace prefix dropped), entities decoded. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  eachAttribute(tag, (name, value) => (out[name] = decodeXml(value)));
  return out;
}

/** A cell's attributes: its reference (`B7`), type (`s`, `inlineStr`…) and style index, as written. */
export interface CellAttributes {
  r: string | undefined;
  t: string | undefined;
  s: string | undefined;
}

/** The attributes of a cell's start tag (<c r="B7" s="3" t="s">). */
export function cellAttributes(tag: string): CellAttributes {
  const out: CellAttributes = { r: undefined, t: undefined, s: undefined };
  eachAttribute(tag, (name, value) => {
    if (name === 'r') out.r = value;
    else if (name === 't') out.t = value;
    else if (name === 's') out.s = value;
  });
  return out;
}

/** The start tags of the elements named `local`, in document order, as attributes. */
export function elements(xml: string, local: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (let t = startTag(xml, local, 0); t; t = startTag(xml, local, t.end)) out.push(attributes(xml.slice(t.start, t.end)));
  return out;
}

/** The first element named `local` in `xml` (at or after `from`), whole from its start tag to its end tag; null when there is none complete. */
export function element(xml: string, local: string, from = 0): { start: number; end: number; inner: string } | null {
  const t = startTag(xml, local, from);
  if (!t) return null;
  if (t.selfClosing) return { start: t.start, end: t.end, inner: '' };
  const close = `</${t.prefix}${local}>`;
  const at = xml.indexOf(close, t.end);
  if (at < 0) return null;
  return { start: t.start, end: at + close.length, inner: xml.slice(t.end, at) };
}

/** The content of the first child element named `local`; undefined when there is none. */
export function childContent(xml: string, local: string): string | undefined {
  return element(xml, local)?.inner;
}

/** The text of a string item (<si> or <is>): the <t> elements' text joined, phonetic runs (<rPh>) left out, entities decoded. */
export function itemText(xml: string): string {
  // The usual item, one plain run (<si><t>text</t></si>, or <t> alone inside an inline <is>): found without a scan.
  const open = xml.startsWith('<si><t>') ? 7 : xml.startsWith('<t>') ? 3 : -1;
  if (open > 0) {
    const close = xml.indexOf('<', open);
    if (close >= 0 && xml.startsWith('</t>', close) && close + 4 === (open === 7 ? xml.length - 5 : xml.length)) return decodeXml(xml.slice(open, close));
  }
  let out = '';
  let from = 0;
  // A phonetic run holds <t> elements of its own: skipped whole.
  let ph = xml.indexOf('rPh') >= 0 ? element(xml, 'rPh') : null;
  for (;;) {
    const t = element(xml, 't', from);
    if (!t) break;
    if (ph && ph.start < t.start) {
      from = Math.max(from, ph.end);
      ph = element(xml, 'rPh', from);
      continue;
    }
    out += t.inner;
    from = t.end;
  }
  return decodeXml(out);
}

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (m, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name] ?? m;
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

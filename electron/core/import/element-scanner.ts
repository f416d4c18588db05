import { LIMITS, LimitExceeded } from './limits';
import { nextOpen } from './xml-scan';

/** An element begun in an earlier chunk and not yet ended: its text so far, in pieces, and what ends it. */
interface Open {
  parts: string[];
  /** its namespace prefix, with the colon */
  prefix: string;
  length: number;
  /** the end tag (`</row>`), once the start tag is complete and does not close itself; null while the start tag runs on */
  close: string | null;
  /** the end of the text so far that may be the beginning of the end tag, searched again with the next chunk */
  carry: string;
  /** the last character of the start tag so far (`/` before its `>` closes the element) */
  last: number;
}

/**
 * Cuts the complete elements named `local` (`row`, `si`) out of XML that arrives in chunks. Linear: an element that
 * runs over many chunks is searched for its end only in each new chunk (never from its start again), and joined once
 * it ends. An element longer than `maxChars` throws LimitExceeded (an unclosed <row> of gigabytes is refused after
 * `maxChars`, not read to its end).
 */
export class ElementScanner {
  /** outside an element: the end of the last chunk that may be an element's start cut in two */
  private rest = '';
  private open: Open | null = null;
  /** the end tag for each namespace prefix met (almost always one) */
  private readonly closeTags = new Map<string, string>();

  constructor(
    private readonly local: string,
    private readonly maxChars: number = LIMITS.rowChars,
    /** says where a too-long element is, for the message (`row 5`), from the beginning of its start tag */
    private readonly where: (head: string) => string = () => '',
  ) {}

  /** The elements completed by this chunk, whole (start tag to end tag). */
  push(chunk: string): string[] {
    const open = this.open;
    if (!open) return this.cut(this.rest + chunk);
    const end = this.endIn(open, chunk);
    if (end < 0) {
      open.parts.push(chunk);
      open.length += chunk.length;
      if (open.length > this.maxChars) throw this.tooLong(open);
      return [];
    }
    open.parts.push(chunk.slice(0, end));
    this.open = null;
    const out = this.cut(chunk.slice(end));
    out.unshift(open.parts.join(''));
    return out;
  }

  /** Where in `chunk`, the newest piece of the open element, the element ends (just past its end tag); -1 when it does not. */
  private endIn(open: Open, chunk: string): number {
    let from = 0;
    if (open.close === null) {
      const gt = chunk.indexOf('>');
      if (gt < 0) {
        if (chunk.length > 0) open.last = chunk.charCodeAt(chunk.length - 1);
        return -1;
      }
      const before = gt > 0 ? chunk.charCodeAt(gt - 1) : open.last;
      if (before === 47 /* / */) return gt + 1;
      open.close = this.closeTag(open.prefix);
      open.carry = '';
      from = gt + 1;
    }
    const close = open.close;
    const keep = close.length - 1;
    // An end tag begun at the end of the earlier text.
    if (open.carry) {
      const head = open.carry + chunk.slice(from, from + keep);
      const at = head.indexOf(close);
      if (at >= 0) return from + at - open.carry.length + close.length;
    }
    const at = chunk.indexOf(close, from);
    if (at >= 0) return at + close.length;
    open.carry = chunk.length - from >= keep ? chunk.slice(chunk.length - keep) : (open.carry + chunk.slice(from)).slice(-keep);
    return -1;
  }

  private closeTag(prefix: string): string {
    let tag = this.closeTags.get(prefix);
    if (tag === undefined) {
      tag = `</${prefix}${this.local}>`;
      this.closeTags.set(prefix, tag);
    }
    return tag;
  }

  private tooLong(open: Open): LimitExceeded {
    return new LimitExceeded('rowChars', this.where((open.parts[0] ?? '').slice(0, 256)), this.maxChars);
  }

  /** The complete elements of `buf`; what is left (an element begun, a start cut in two) is kept for the next chunk. */
  private cut(buf: string): string[] {
    const out: string[] = [];
    let pos = 0;
    this.rest = '';
    for (;;) {
      const o = nextOpen(buf, this.local, pos);
      if (!o) {
        // Keep a start tag that may be cut in two: only the last few characters can be one.
        const lt = buf.lastIndexOf('<');
        if (lt >= pos && buf.length - lt <= 64) this.rest = buf.slice(lt);
        return out;
      }
      const tagEnd = buf.indexOf('>', o.nameEnd);
      let end = -1;
      let close: string | null = null;
      if (tagEnd >= 0) {
        if (buf.charCodeAt(tagEnd - 1) === 47) end = tagEnd + 1;
        else {
          close = this.closeTag(o.prefix);
          const at = buf.indexOf(close, tagEnd);
          if (at >= 0) end = at + close.length;
        }
      }
      if (end < 0) {
        const text = buf.slice(o.start);
        const tail = close === null ? '' : buf.slice(Math.max(tagEnd + 1, buf.length - close.length + 1));
        this.open = { parts: [text], prefix: o.prefix, length: text.length, close, carry: tail, last: buf.charCodeAt(buf.length - 1) };
        if (text.length > this.maxChars) throw this.tooLong(this.open);
        return out;
      }
      out.push(buf.slice(o.start, end));
      pos = end;
    }
  }
}

import type { ImportEncoding } from './layout';

/**
 * Picks the text encoding of a bank file: a UTF-8 byte-order mark means UTF-8; otherwise the first megabyte is
 * tried as strict UTF-8, and failing that the file is GB18030 (a superset of GBK and GB2312).
 */
export function detectEncoding(head: Buffer, declared: ImportEncoding): 'utf-8' | 'gbk' | 'gb18030' {
  if (declared !== 'auto') return declared;
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** A streaming decoder that drops a leading byte-order mark. GBK is decoded as GB18030, its superset. */
export function createDecoder(encoding: 'utf-8' | 'gbk' | 'gb18030'): TextDecoder {
  return new TextDecoder(encoding === 'gbk' ? 'gb18030' : encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
}

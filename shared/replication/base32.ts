/**
 * Crockford base32 (0-9, A-Z without I, L, O, U): what a person types is read leniently — lower case, spaces and
 * hyphens are accepted, O reads as 0, I and L as 1.
 */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const VALUE = new Map<string, number>([...CROCKFORD].map((c, i) => [c, i]));
VALUE.set('O', 0);
VALUE.set('I', 1);
VALUE.set('L', 1);

/** Upper-cases, drops spaces and hyphens, maps O/I/L; null when a character is not base32 at all. */
export function normaliseBase32(text: string): string | null {
  let out = '';
  for (const ch of text.toUpperCase()) {
    if (ch === '-' || ch === ' ' || ch === '\u00a0' || ch === '\t') continue;
    const v = VALUE.get(ch);
    if (v === undefined) return null;
    out += CROCKFORD[v];
  }
  return out;
}

/** n random base32 characters (each from one random byte: 256 is a multiple of 32, so they are uniform). */
export function randomBase32(n: number): string {
  const bytes = new Uint8Array(n);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += CROCKFORD[b & 31];
  return out;
}

export function base32Value(ch: string): number {
  const v = VALUE.get(ch);
  if (v === undefined) throw new Error(`"${ch}" is not a base32 character`);
  return v;
}

/**
 * Luhn mod 32 check character over normalised base32 text: catches every single mistyped character and most
 * swaps of two neighbours.
 */
export function luhn32(text: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    let addend = factor * base32Value(text[i] ?? '');
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return CROCKFORD[(32 - (sum % 32)) % 32] ?? '0';
}

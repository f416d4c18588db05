/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Sortable by creation time and safe to create
 * offline on many workstations. Monotonic within one process even when the clock stands still.
 */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
let lastMs = -1;
let lastSeq = 0;

// Random bytes drawn in blocks: one getRandomValues call per id costs more than the rest of an import row.
const POOL = new Uint8Array(16 * 256);
let poolPos = POOL.length;

function randomBytes16(): Uint8Array {
  if (poolPos >= POOL.length) {
    globalThis.crypto.getRandomValues(POOL);
    poolPos = 0;
  }
  const out = POOL.slice(poolPos, poolPos + 16);
  poolPos += 16;
  return out;
}

export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = randomBytes16();
  let ms = nowMs;
  if (ms <= lastMs) {
    ms = lastMs;
    lastSeq = (lastSeq + 1) & 0xfff;
    if (lastSeq === 0) ms = ++lastMs;
  } else {
    lastSeq = ((bytes[6] ?? 0) & 0x0f) * 256 + (bytes[7] ?? 0);
  }
  lastMs = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (lastSeq >> 8);
  bytes[7] = lastSeq & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  let hex = '';
  for (let i = 0; i < 16; i++) hex += HEX[bytes[i] ?? 0];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

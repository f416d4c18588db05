import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, HLC_MAX_COUNTER, HlcClock, HlcDriftError, HlcOverflowError, hlcNodeOf, parseHlc, type Hlc } from './hlc';

const NODE = '0190A1B2C3D4E5F6';
const OTHER = '00000000000000FF';

describe('HLC strings', () => {
  it('round-trips through a fixed-width form that sorts as the clock does', () => {
    const t: Hlc = { ms: Date.UTC(2026, 11, 7, 19, 26), counter: 0x2a, node: NODE };
    const s = formatHlc(t);
    expect(s).toBe('2026-12-07T19:26:00.000Z-002A-0190A1B2C3D4E5F6');
    expect(parseHlc(s)).toEqual(t);
    const stamps: Hlc[] = [
      { ms: 5, counter: 0, node: NODE },
      { ms: 5, counter: 1, node: OTHER },
      { ms: 5, counter: 1, node: NODE },
      { ms: 1_800_000_000_000, counter: 0, node: OTHER },
      { ms: 0, counter: HLC_MAX_COUNTER, node: NODE },
    ];
    const byString = [...stamps].sort((a, b) => (formatHlc(a) < formatHlc(b) ? -1 : 1));
    expect(byString).toEqual([...stamps].sort(compareHlc));
  });

  it('refuses what is not one', () => {
    for (const bad of ['', '2026-12-07T19:26:00Z-0000-0190A1B2C3D4E5F6', '2026-12-07T19:26:00.000Z-00G0-0190A1B2C3D4E5F6', '2026-12-07T19:26:00.000Z-0000-0190a1b2c3d4e5f6', '2026-02-30T00:00:00.000Z-0000-0190A1B2C3D4E5F6']) {
      expect(parseHlc(bad), bad).toBeNull();
    }
    expect(() => formatHlc({ ms: 1, counter: HLC_MAX_COUNTER + 1, node: NODE })).toThrow(RangeError);
  });

  it('takes a station\'s node from its id', () => {
    expect(hlcNodeOf('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBe('8A9B0C1D2E3F4A5B');
  });
});

describe('HlcClock', () => {
  it('moves forward when the wall clock stands still or steps back', () => {
    let wall = 1000;
    const clock = new HlcClock(NODE, { now: () => wall });
    const a = clock.send();
    const b = clock.send();
    wall = 400;
    const c = clock.send();
    wall = 2000;
    const d = clock.send();
    expect([a, b, c, d]).toEqual([
      { ms: 1000, counter: 0, node: NODE },
      { ms: 1000, counter: 1, node: NODE },
      { ms: 1000, counter: 2, node: NODE },
      { ms: 2000, counter: 0, node: NODE },
    ]);
  });

  it('merges a remote stamp so later local events sort after it', () => {
    const clock = new HlcClock(NODE, { now: () => 1000 });
    const merged = clock.receive({ ms: 1500, counter: 7, node: OTHER });
    expect(merged).toEqual({ ms: 1500, counter: 8, node: NODE });
    expect(compareHlc(clock.send(), { ms: 1500, counter: 7, node: OTHER })).toBe(1);
  });

  it('refuses a remote stamp further ahead than the drift limit, and a counter overflow', () => {
    const clock = new HlcClock(NODE, { now: () => 0, maxDriftMs: 60_000 });
    expect(() => clock.receive({ ms: 61_000, counter: 0, node: OTHER })).toThrow(HlcDriftError);
    expect(clock.last).toEqual({ ms: 0, counter: 0, node: NODE });
    clock.receive({ ms: 50_000, counter: HLC_MAX_COUNTER - 1, node: OTHER });
    expect(() => clock.send()).toThrow(HlcOverflowError);
  });

  it('restores from the last stamp a station committed, so a restart never reuses one', () => {
    const last = '2026-12-07T19:26:00.000Z-0005-0190A1B2C3D4E5F6';
    const clock = new HlcClock(NODE, { now: () => Date.parse('2026-12-07T19:25:00.000Z'), last });
    expect(formatHlc(clock.send())).toBe('2026-12-07T19:26:00.000Z-0006-0190A1B2C3D4E5F6');
    expect(() => new HlcClock(NODE, { last: 'nonsense' })).toThrow(RangeError);
  });
});

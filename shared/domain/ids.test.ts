import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids';

describe('uuidv7', () => {
  it('has version 7 and the RFC variant', () => {
    const id = uuidv7();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('encodes the time and sorts in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 500 }, () => uuidv7(1_800_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(500);
    expect(parseInt(uuidv7(1_900_000_000_000).replace(/-/g, '').slice(0, 12), 16)).toBe(1_900_000_000_000);
  });
});

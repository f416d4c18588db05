import { describe, expect, it } from 'vitest';
import { acksOf, planAppend, stableJson } from './append-plan';
import type { LogChange } from './types';

const c = (changeId: string, hlc: string, body = `{"changeId":"${changeId}","hlc":"${hlc}"}`): LogChange => ({ changeId, routeKey: null, hlc, body });
const T = (n: number): string => `2026-12-07T10:00:00.00${n}Z-0000-0190A1B2C3D4E5F6`;

describe('planAppend', () => {
  it('adds each new change once and acknowledges a known one with its first position', () => {
    const known = new Map([['a', { seq: 7, body: c('a', T(1)).body }]]);
    const changes = [c('a', T(1)), c('b', T(2)), c('b', T(2)), c('c', T(3))];
    const plan = planAppend(changes, known, T(1));
    expect(plan).toMatchObject({ kind: 'ok', maxHlc: T(3) });
    if (plan.kind !== 'ok') throw new Error();
    expect(plan.fresh.map((x) => x.changeId)).toEqual(['b', 'c']);
    expect(acksOf(changes, known, new Map([['b', 8], ['c', 9]]))).toEqual([
      { changeId: 'a', seq: 7 },
      { changeId: 'b', seq: 8 },
      { changeId: 'b', seq: 8 },
      { changeId: 'c', seq: 9 },
    ]);
  });

  it('refuses a change id sent again with other content, however its keys are ordered', () => {
    const known = new Map([['a', { seq: 1, body: '{"x":1,"y":[1,{"p":1,"q":2}]}' }]]);
    expect(planAppend([c('a', T(1), '{"y":[1,{"q":2,"p":1}],"x":1}')], known, null).kind).toBe('ok');
    expect(planAppend([c('a', T(1), '{"x":2,"y":[1,{"p":1,"q":2}]}')], known, null)).toEqual({ kind: 'conflict', changeId: 'a' });
    expect(planAppend([c('b', T(1), '{"v":1}'), c('b', T(1), '{"v":2}')], new Map(), null)).toEqual({ kind: 'conflict', changeId: 'b' });
    expect(stableJson('{"b":1,"a":{"d":1,"c":2}}')).toBe('{"a":{"c":2,"d":1},"b":1}');
  });

  it('answers regressed for a new change not after the station\'s largest clock', () => {
    expect(planAppend([c('n', T(2))], new Map(), T(3))).toEqual({ kind: 'regressed', changeId: 'n', stationMaxHlc: T(3) });
    expect(planAppend([c('n', T(3))], new Map(), T(3)).kind).toBe('regressed');
    // a resent old change is no regression
    expect(planAppend([c('old', T(1))], new Map([['old', { seq: 1, body: c('old', T(1)).body }]]), T(3)).kind).toBe('ok');
  });
});

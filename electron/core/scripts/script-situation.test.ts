import { describe, expect, it } from 'vitest';
import { chooseSituation, pickScript, type CaseSituation, type PromiseFact } from './script-situation';

const TODAY = '2026-12-08';
const promise = (over: Partial<PromiseFact>): PromiseFact => ({ amountFen: 100_000, dueDate: '2026-12-15', status: 'pending', paidFen: 0, createdAt: '2026-12-01T02:00:00Z', ...over });
const situation = (over: Partial<CaseSituation>): CaseSituation => ({ today: TODAY, daysToDueBack: 60, overdueDays: 45, reachedBefore: true, promises: [], ...over });

describe('the script situation over promise states and dates', () => {
  it.each<[string, Partial<PromiseFact>, string]>([
    ['pending, due in a week: not broken', { dueDate: '2026-12-15' }, 'follow_up'],
    ['pending, due today: the due-today reminder', { dueDate: TODAY }, 'promise_due'],
    ['due today and partly paid already: still the reminder', { dueDate: TODAY, paidFen: 40_000 }, 'promise_due'],
    ['pending, due yesterday, nothing paid (not yet settled): broken', { dueDate: '2026-12-07' }, 'broken_promise'],
    ['settled broken', { dueDate: '2026-12-01', status: 'broken' }, 'broken_promise'],
    ['kept', { dueDate: '2026-12-01', status: 'kept', paidFen: 100_000 }, 'follow_up'],
    ['paid in full before the date', { dueDate: '2026-12-15', paidFen: 100_000 }, 'follow_up'],
    ['settled partly kept', { dueDate: '2026-12-01', status: 'partly_kept', paidFen: 30_000 }, 'partly_kept'],
    ['pending, past, part paid (not yet settled): partly kept', { dueDate: '2026-12-07', paidFen: 30_000 }, 'partly_kept'],
  ])('%s', (_name, p, stage) => {
    expect(chooseSituation(situation({ promises: [promise(p)] })).stage).toBe(stage);
  });

  it('speaks of the latest promise: an old broken one does not make a new promise not yet due "broken"', () => {
    const old = promise({ dueDate: '2026-11-20', status: 'broken', createdAt: '2026-11-10T02:00:00Z' });
    const fresh = promise({ dueDate: '2026-12-15', createdAt: '2026-12-05T02:00:00Z' });
    expect(chooseSituation(situation({ promises: [old, fresh] }))).toEqual({ stage: 'follow_up', promise: fresh });
    expect(chooseSituation(situation({ promises: [fresh, old], today: '2026-12-15' }))).toEqual({ stage: 'promise_due', promise: fresh });
  });

  it('without a promise: first contact, follow-up, and the final notice near due-back or at 180+ days', () => {
    expect(chooseSituation(situation({ reachedBefore: false })).stage).toBe('first_contact');
    expect(chooseSituation(situation({})).stage).toBe('follow_up');
    expect(chooseSituation(situation({ daysToDueBack: 7 })).stage).toBe('final_notice');
    expect(chooseSituation(situation({ daysToDueBack: 8 })).stage).toBe('follow_up');
    expect(chooseSituation(situation({ overdueDays: 180 })).stage).toBe('final_notice');
    expect(chooseSituation(situation({ overdueDays: null, daysToDueBack: null })).stage).toBe('follow_up');
    expect(chooseSituation(situation({ reachedBefore: false, daysToDueBack: 3 })).stage).toBe('first_contact');
  });

  it('picks the situation’s own script, else one for any stage, else the follow-up one — never another stage’s', () => {
    const scripts = [{ id: 'first', stage: 'first_contact', party: 'debtor' }, { id: 'fu', stage: 'follow_up', party: 'debtor' }, { id: 'rel', stage: 'any', party: 'related' }];
    expect(pickScript(scripts, 'first_contact', 'debtor')?.id).toBe('first');
    expect(pickScript(scripts, 'promise_due', 'debtor')?.id).toBe('fu');
    expect(pickScript(scripts, 'broken_promise', 'related')?.id).toBe('rel');
    expect(pickScript(scripts, 'follow_up', 'third')).toBeUndefined();
  });
});

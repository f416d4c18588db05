import type { ContactFact, EngineInput, Intent } from './types';

/** Builds engine inputs for the table-driven tests: a debtor with one own number, nothing in the history. */
export function input(over: Partial<Omit<EngineInput, 'intent'>> & { intent?: Partial<Intent> } = {}): EngineInput {
  const { intent, ...rest } = over;
  return {
    now: new Date('2026-11-24T02:00:00Z'),
    timezone: 'Asia/Shanghai',
    case: { id: 'case-1', status: 'working', flags: [] },
    debtor: { id: 'debtor-1', ownPhones: ['13800138000'], consent: null },
    contact: { id: 'cp-self', phone: '13800138000', relation: 'self', status: 'valid' },
    history: [],
    ...rest,
    intent: { phase: 'pre-dial', channel: 'call', party: 'debtor', phone: '13800138000', ...intent },
  };
}

export function call(startedAt: string, over: Partial<ContactFact> = {}): ContactFact {
  return { caseId: 'case-1', channel: 'call', party: 'none', phone: '13800138000', startedAt, resultCode: 'NO_ANSWER', ...over };
}

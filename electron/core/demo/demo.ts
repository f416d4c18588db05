import bankA from '../../../resources/profiles/bank-a.json' with { type: 'json' };
import bankB from '../../../resources/profiles/bank-b.json' with { type: 'json' };
import { addDays, localDay, zonedInstant } from '../../../shared/compliance/zoned';
import { uuidv7 } from '../../../shared/domain/ids';
import { stageFromDays } from '../../../shared/domain/stage';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import { hashPassword } from '../auth/passwords';
import { addClient, parseProfile } from '../clients/clients';
import type { Db } from '../db/open';
import { person, phone, contactName, RELATIONS } from './people';
import { Random } from './random';
import { insertStatements, type Ids } from './statements';

export interface DemoOptions {
  cases: number;
  collectors?: number;
  /** password of the demo users */
  password: string;
  now: Date;
  seed?: number;
  onProgress?: (cases: number) => void;
}

export interface DemoSummary {
  cases: number;
  activities: number;
  promises: number;
  payments: number;
  plans: number;
  users: { name: string; role: string }[];
}

const TZ = 'Asia/Shanghai';
const CHUNK = 5000;
const COLLECTOR_NAMES = ['张伟', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴芳', '徐强'];

type Outcome = readonly [code: string, party: 'debtor' | 'related' | 'none', weight: number];
const OUTCOMES: Outcome[] = [
  ['NO_ANSWER', 'none', 34], ['BUSY', 'none', 8], ['POWERED_OFF', 'none', 7], ['REFUSED', 'debtor', 12], ['CALLBACK', 'debtor', 10],
  ['PTP', 'debtor', 9], ['HARDSHIP', 'debtor', 5], ['LEFT_MESSAGE', 'related', 6], ['PAID_CLAIM', 'debtor', 3], ['WRONG_NUMBER', 'none', 3],
  ['DISPUTE', 'debtor', 1], ['DISCONNECTED', 'none', 2],
];

/**
 * A realistic data set: both shipped clients, two batches each, a lead and collectors with portfolios split by
 * amount, 30 days of activities inside the calling rules, promises (kept, partly kept, broken, pending), plans and
 * bank payments. Written in chunks of one transaction each; fast enough for a million cases.
 */
export async function generateDemo(db: Db, admin: Actor, o: DemoOptions): Promise<DemoSummary> {
  const r = new Random(o.seed ?? 20261123);
  const nowIso = o.now.toISOString();
  const today = localDay(o.now, TZ);
  const clients = ensureClients(db, admin, nowIso);
  const users = await ensureUsers(db, admin, o.collectors ?? 3, o.password, nowIso);
  const collectors = users.filter((u) => u.role === 'collector');
  const batches = clients.flatMap((c, ci) =>
    [55, 20].map((ago, bi) => {
      const id = uuidv7(o.now.getTime());
      const placed = addDays(today, -ago);
      db.prepare(`INSERT INTO batches (id, client_id, batch_no, file_name, sha256, placed_at, due_back_at, hand, imported_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`).run(
        id, c.id, `DEMO-${ci + 1}-${bi + 1}`, `demo-${c.code}-${placed}.csv`, `demo-${id}`, placed, addDays(placed, 90), nowIso, admin.id,
      );
      return { id, clientId: c.id, code: c.code, placed };
    }),
  );
  const s = insertStatements(db);
  const sum: DemoSummary = { cases: 0, activities: 0, promises: 0, payments: 0, plans: 0, users: users.map(({ name, role }) => ({ name, role })) };
  const totals = new Map<string, { count: number; fen: number }>();
  for (let start = 0; start < o.cases; start += CHUNK) {
    db.transaction(() => {
      for (let i = start; i < Math.min(o.cases, start + CHUNK); i++) {
        const batch = batches[(i % 5 < 3 ? 0 : 2) + (i % 2)] as (typeof batches)[number];
        const collector = r.next() < 0.05 ? null : (collectors[i % collectors.length] ?? null);
        oneCase(s, r, i, batch, collector?.id ?? null, admin.id, o.now, today, sum);
        const t = totals.get(batch.id) ?? { count: 0, fen: 0 };
        t.count++;
        t.fen += s.lastPlacedFen;
        totals.set(batch.id, t);
      }
    })();
    o.onProgress?.(Math.min(o.cases, start + CHUNK));
    await new Promise((resolve) => setImmediate(resolve));
  }
  db.transaction(() => {
    for (const [id, t] of totals) db.prepare('UPDATE batches SET case_count = ?, placed_total_fen = ? WHERE id = ?').run(t.count, t.fen, id);
    appendAudit(db, { actorId: admin.id, via: admin.via, action: 'demo.generate', details: { cases: sum.cases, activities: sum.activities } }, nowIso);
  })();
  return sum;
}

function ensureClients(db: Db, admin: Actor, now: string): { id: string; code: string }[] {
  return [bankA, bankB].map((json) => {
    const profile = parseProfile(json, `${json.code}.json`);
    const found = db.prepare('SELECT id, code FROM clients WHERE code = ?').get(profile.code) as { id: string; code: string } | undefined;
    return found ?? addClient(db, admin, profile, now);
  });
}

async function ensureUsers(db: Db, admin: Actor, collectors: number, password: string, now: string): Promise<{ id: string; name: string; role: string }[]> {
  const hash = await hashPassword(password);
  const wanted = [{ name: 'lead', display: '王组长', role: 'lead' }, ...Array.from({ length: collectors }, (_, i) => ({ name: `c${i + 1}`, display: COLLECTOR_NAMES[i % COLLECTOR_NAMES.length] + (i >= COLLECTOR_NAMES.length ? String(Math.floor(i / COLLECTOR_NAMES.length) + 1) : ''), role: 'collector' }))];
  return db.transaction(() =>
    wanted.map((u) => {
      const found = db.prepare('SELECT id, name, role FROM users WHERE name = ?').get(u.name) as { id: string; name: string; role: string } | undefined;
      if (found) return found;
      const id = uuidv7();
      db.prepare(`INSERT INTO users (id, name, display_name, role, password_hash, password_changed_at, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(id, u.name, u.display, u.role, hash, now, now, admin.id);
      appendAudit(db, { actorId: admin.id, via: admin.via, action: 'user.create', entity: 'user', entityId: id, details: { role: u.role, demo: true } }, now);
      return { id, name: u.name, role: u.role };
    }),
  )();
}

function oneCase(s: Ids, r: Random, i: number, batch: { id: string; clientId: string; code: string; placed: string }, collectorId: string | null, adminId: string, now: Date, today: string, sum: DemoSummary): void {
  const p = person(r, i);
  const debtorId = s.id();
  const caseId = s.id();
  const placedFen = Math.round(Math.exp(r.next() * 4.6 + 7.6)) * 100 + r.int(0, 99);
  const days = r.int(31, 900);
  const self = s.id();
  s.debtor.run(debtorId, batch.clientId, p.name, '身份证', p.idNumber, p.gender, p.birthDate, p.mobile, p.address, p.employer, adminId);
  s.contact.run(self, debtorId, 'self', p.name, p.mobile, adminId);
  const related: { id: string; phone: string }[] = [];
  for (let k = 0; k < r.int(1, 2); k++) {
    const cp = { id: s.id(), phone: phone(r, 10_000_000 + i * 3 + k) };
    s.contact.run(cp.id, debtorId, r.pick(RELATIONS), contactName(r), cp.phone, adminId);
    related.push(cp);
  }
  let balance = placedFen;
  let status = collectorId ? 'working' : 'new';
  s.case_.run(caseId, batch.clientId, batch.id, debtorId, `${batch.code === 'bank-a' ? 'DA' : 'DB'}${String(i + 1).padStart(9, '0')}`, r.pick(['信用卡', '消费贷', '信用卡分期']), `6225**********${String(i % 10_000).padStart(4, '0')}`,
    placedFen, balance, days, stageFromDays(days), collectorId, collectorId ? batch.placed : null, status, null, adminId);
  let nextAction: string | null = null;
  const n = collectorId ? Math.min(12, Math.floor(-Math.log(1 - r.next()) * 6)) : 0;
  const dayBack = Array.from({ length: n }, () => r.int(0, 29)).sort((a, b) => b - a);
  for (const back of dayBack) {
    const day = addDays(today, -back);
    const at = zonedInstant(day, r.int(9, 19), r.int(0, 59), TZ);
    if (at > now) continue;
    const [code, party] = r.weighted(OUTCOMES.map((o) => [[o[0], o[1]] as const, o[2]] as const));
    const target = party === 'related' ? (related[0] as { id: string; phone: string }) : { id: self, phone: p.mobile };
    const activityId = s.id(at.getTime());
    const connected = party !== 'none';
    s.activity.run(activityId, caseId, debtorId, collectorId, party, target.id, target.phone, at.toISOString(), at.toISOString(), r.int(0, 400), code,
      connected ? (party === 'debtor' ? '["CN-ID","CN-RPC","CN-R1"]' : '["CN-ID","CN-R1"]') : '[]', connected ? r.pick(NOTES) : null, collectorId);
    sum.activities++;
    if (code === 'CALLBACK') nextAction = zonedInstant(addDays(day, r.int(1, 3)), r.int(9, 18), 0, TZ).toISOString();
    if (code === 'PTP' && balance > 0) {
      const amount = Math.min(balance, Math.max(10_000, Math.round(balance * r.pick([0.1, 0.2, 0.3, 0.5, 1]) / 100) * 100));
      const due = addDays(day, r.int(2, 10));
      let state = 'pending';
      let paid = 0;
      if (due < today) {
        state = r.weighted([['kept', 45], ['partly_kept', 10], ['broken', 45]] as const);
        paid = state === 'kept' ? amount : state === 'partly_kept' ? Math.round(amount / 2) : 0;
      }
      s.promise.run(s.id(at.getTime()), caseId, activityId, amount, due, state, paid, state === 'pending' ? null : now.toISOString(), at.toISOString(), collectorId);
      sum.promises++;
      if (paid > 0 && balance > 0) {
        const fen = Math.min(balance, paid);
        s.payment.run(s.id(), batch.clientId, caseId, `DEMO-${batch.code}-${i}-${sum.payments}`, fen, due, r.pick(['手机银行', '柜面', '自动扣款']), adminId);
        balance -= fen;
        sum.payments++;
      }
      status = state === 'pending' ? 'ptp' : status;
    }
  }
  if (collectorId && r.next() < 0.02) {
    s.plan.run(s.id(), caseId, 'installment', JSON.stringify([1, 2, 3].map((m) => ({ dueDate: addDays(today, 30 * m), amountFen: Math.round(balance / 3) }))), 0, r.pick(['requested', 'approved']), collectorId);
    sum.plans++;
    status = 'plan';
  }
  if (balance <= 0) status = 'paid';
  s.finish.run(balance, status, nextAction, caseId);
  s.lastPlacedFen = placedFen;
  sum.cases++;
}

const NOTES = ['本人称月底发工资后还款', '本人表示暂无还款能力，已告知银行官方还款渠道', '已告知逾期后果及投诉热线', '本人要求下周再联系', '联系人答应转告本人回电', '本人对金额有异议，已告知银行客服热线'];

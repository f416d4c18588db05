import type { SyncError, SyncRoundResult } from '../../../shared/contract/sync';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import { agencyDay } from '../clock';
import type { Db } from '../db/open';
import { applyPage, emptyTally, type ApplyContext, type PullTally } from './apply-pull';
import { BankClient, type BankClientOptions } from './bank-client';
import { asSyncFailure, SyncFailure } from './failure';
import { markAcked, markRejected, noteAttempt, outboxCounts, pendingRows } from './outbox';
import type { Random } from './retry';
import { noteFailure, noteRoundStart, noteSuccess, readCursor, readState } from './state';
import { syncSetup, type SyncTarget } from './target';

/**
 * One sync round for one client: push the pending outbox in batches (a row is marked acknowledged only on the
 * bank's ack of its id), then pull the bank's feed from the stored cursor, page by page, each page applied with its
 * cursor in one transaction. Retries with backoff happen inside; the round's outcome, in words, goes to sync_state
 * with the time of the next try, and to the audit log.
 */
export interface RoundDeps {
  /** the instant of the round's records and schedule */
  now: () => Date;
  /** who applies the pulled data (a lead or an admin) */
  actor: Actor;
  bank?: BankClientOptions;
  random?: Random;
}

interface PushTally {
  pushed: number;
  acknowledged: number;
  refused: number;
}

const MAX_REPORTED_REJECTIONS = 100;

async function pushOutbox(db: Db, bank: BankClient, target: SyncTarget, tally: PushTally, now: () => Date): Promise<void> {
  const clientId = target.client.id;
  let after = '';
  for (;;) {
    const items = pendingRows(db, clientId, after, target.batchSize);
    const last = items.at(-1);
    if (!last) return;
    after = last.id;
    const ids = items.map((i) => i.id);
    tally.pushed += items.length;
    let answer;
    try {
      answer = await bank.push(items);
    } catch (err) {
      noteAttempt(db, ids, asSyncFailure(err).message);
      throw err;
    }
    const sent = new Set(ids);
    const answered = new Set<string>();
    const acked: string[] = [];
    const refused: { id: string; message: string }[] = [];
    for (const r of answer.results) {
      if (!sent.has(r.id) || answered.has(r.id)) continue;
      answered.add(r.id);
      if (r.status === 'rejected') refused.push({ id: r.id, message: `The bank refused it${r.code ? ` (${r.code})` : ''}: ${r.message ?? 'no reason given'}.` });
      else acked.push(r.id);
    }
    markAcked(db, acked, now().toISOString());
    markRejected(db, refused);
    tally.acknowledged += acked.length;
    tally.refused += refused.length;
    const missing = ids.filter((id) => !answered.has(id));
    if (missing.length) noteAttempt(db, missing, 'The bank did not acknowledge it; it will be sent again.');
  }
}

async function pullFeed(db: Db, bank: BankClient, target: SyncTarget, tally: PullTally, ctx: () => ApplyContext): Promise<void> {
  for (;;) {
    const since = readCursor(db, target.client.id);
    const page = await bank.pull(since, target.batchSize);
    if (page.records.length === 0 && page.cursor === since) return;
    // Another round (another process) applied this page first: it goes on from there.
    if (!applyPage(db, ctx(), since, page, tally)) return;
    if (!page.more) return;
    if (page.records.length === 0) throw new SyncFailure('protocol', 'The bank said more records wait but sent none: its feed does not follow the API.', false);
  }
}

function stageError(stage: SyncError['stage'], err: unknown): SyncError {
  const f = asSyncFailure(err);
  return { stage, code: f.code, message: f.message };
}

/** A round for a configured client. Never throws for a failure of the exchange: the result says what happened. */
export async function runSyncRound(db: Db, target: SyncTarget, deps: RoundDeps): Promise<SyncRoundResult> {
  const clientId = target.client.id;
  const startedAt = deps.now().toISOString();
  noteRoundStart(db, clientId, startedAt);
  const push: PushTally = { pushed: 0, acknowledged: 0, refused: 0 };
  const pull = emptyTally();
  const errors: SyncError[] = [];
  let bank: BankClient | null = null;
  let retries = 0;
  try {
    bank = new BankClient({ url: target.url, keyId: target.keyId, secret: target.secret, pins: target.pins }, deps.bank);
  } catch (err) {
    errors.push(stageError('config', err));
  }
  if (bank) {
    try {
      await pushOutbox(db, bank, target, push, deps.now);
    } catch (err) {
      errors.push(stageError('push', err));
    }
    if (errors.length === 0) {
      const ctx = (): ApplyContext => {
        const now = deps.now();
        return { client: target.client, actor: deps.actor, now: now.toISOString(), today: agencyDay(now) };
      };
      try {
        await pullFeed(db, bank, target, pull, ctx);
      } catch (err) {
        errors.push(stageError('pull', err));
      }
    }
    retries = bank.retries;
    bank.close();
  }
  const finished = deps.now();
  const ok = errors.length === 0;
  db.transaction(() => {
    if (ok) noteSuccess(db, clientId, finished, target.intervalMinutes);
    else noteFailure(db, clientId, finished, errors.map((e) => e.message).join(' '), deps.random);
    appendAudit(
      db,
      {
        actorId: deps.actor.id,
        via: 'sync',
        action: 'sync.round',
        entity: 'client',
        entityId: clientId,
        details: { ok, ...push, pulled: { placements: pull.placements, payments: pull.payments, recalls: pull.recalls }, rejected: pull.rejected.length, errors: errors.map((e) => e.code) },
      },
      finished.toISOString(),
    );
  })();
  const state = readState(db, clientId);
  return {
    ok,
    client: target.client.code,
    startedAt,
    finishedAt: finished.toISOString(),
    ...push,
    pulled: { placements: pull.placements, payments: pull.payments, recalls: pull.recalls },
    applied: { inserted: pull.inserted, updated: pull.updated, unchanged: pull.unchanged, rejected: pull.rejected.length, skipped: pull.skipped },
    rejections: pull.rejected.slice(0, MAX_REPORTED_REJECTIONS),
    retries,
    pending: outboxCounts(db, clientId).pending,
    cursor: state.cursor,
    errors,
    nextAttemptAt: state.nextAttemptAt,
  };
}

/** A round for a client by its code: when sync is off for it, a failed result that says why (nothing is sent). */
export async function runClientRound(db: Db, dbKey: Buffer, clientCode: string, deps: RoundDeps): Promise<SyncRoundResult> {
  const setup = syncSetup(db, dbKey, clientCode);
  if (setup.enabled) return runSyncRound(db, setup.target, deps);
  const now = deps.now().toISOString();
  const state = readState(db, setup.client.id);
  return {
    ok: false,
    client: setup.client.code,
    startedAt: now,
    finishedAt: now,
    pushed: 0,
    acknowledged: 0,
    refused: 0,
    pulled: { placements: 0, payments: 0, recalls: 0 },
    applied: { inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0 },
    rejections: [],
    retries: 0,
    pending: outboxCounts(db, setup.client.id).pending,
    cursor: state.cursor,
    errors: [{ stage: 'config', code: 'not_configured', message: setup.off }],
    nextAttemptAt: null,
  };
}

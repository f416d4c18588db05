import { getClient, listClients } from '../clients/clients';
import { agencyDay, isoNow } from '../clock';
import { exportReturns, previewReturns, type ReturnsFile } from '../returns/export-returns';
import { returnsHistory } from '../returns/history';
import type { Handlers } from './handlers';
import { requireActor, requireDb } from './context';

type ReturnsHandlers = Pick<Handlers, 'returns.clients' | 'returns.preview' | 'returns.export' | 'returns.history'>;

const MIME = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

function out(f: ReturnsFile, format: 'csv' | 'xlsx') {
  return { fileName: f.fileName, mime: MIME[format], sha256: f.sha256, size: f.bytes.length, base64: f.bytes.toString('base64') };
}

/** Returns to the bank for the screen: the same core as `export returns`, the file handed over as base64 to download. */
export const returnsHandlers: ReturnsHandlers = {
  'returns.clients': (_i, ctx) => {
    const db = requireDb(ctx);
    requireActor(ctx);
    const clients = listClients(db).map((c) => {
      const r = getClient(db, c.code).profile.returns;
      return { code: c.code, name: c.name, format: r?.format ?? null, encoding: r?.format === 'csv' ? r.encoding : null, dailyReport: Boolean(r?.dailyReport), include: r?.include ?? [] };
    });
    return { today: agencyDay(ctx.clock.now()), clients };
  },
  'returns.preview': (i, ctx) => previewReturns(requireDb(ctx), requireActor(ctx), i),
  'returns.export': async (i, ctx) => {
    const r = await exportReturns(requireDb(ctx), requireActor(ctx), i, { now: isoNow(ctx.clock) });
    return { client: r.client, from: r.from, to: r.to, counts: r.counts, recallsMarked: r.recallsMarked, files: [out(r, r.format), ...(r.dailyReport ? [out(r.dailyReport, 'csv')] : [])] };
  },
  'returns.history': (i, ctx) => {
    requireActor(ctx);
    return returnsHistory(requireDb(ctx), i.clientCode, i.limit);
  },
};

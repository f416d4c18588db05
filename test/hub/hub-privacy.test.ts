// A stolen hub disk or database dump reveals no personal data: the stations seal it before it leaves them.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openFields, sealFields, type ChangeRecord } from '../../shared/replication/change';
import { importDataKey } from '../../shared/replication/sealed-value';
import { change, claimedHub, closeStations, enroll, user, type TestHub, type TestStation } from './harness';
import { pgQuery } from './pg';
import { bothStores } from './suites';

const PERSONAL = {
  name: '张伟明',
  idNumber: '110101199003074514',
  mobile: '13912345678',
  homeAddress: '北京市朝阳区望京街道阜通东大街6号院3号楼1502',
  notes: '债务人称下月发工资后还款，其妻子王秀兰接听',
};
const SENSITIVE = ['name', 'idNumber', 'mobile', 'homeAddress', 'notes', 'phone'];

async function allTablesAsText(schema: string): Promise<string> {
  const tables = await pgQuery<{ table_name: string }>(schema, `SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [schema]);
  let text = '';
  for (const t of tables) {
    const rows = await pgQuery<{ row: string }>(schema, `SELECT t::text AS row FROM ${t.table_name} t`);
    text += rows.map((r) => r.row).join('\n');
  }
  return text;
}

bothStores('hub privacy', (kind) => {
  const open: TestHub[] = [];
  const stations: TestStation[] = [];
  afterEach(async () => {
    await closeStations(...stations.splice(0));
    for (const h of open.splice(0)) await h.close();
  });

  it('holds no name, ID number, phone, address or note in the clear after records sealed by the client helper', async () => {
    const { hub, admin } = await claimedHub(kind);
    open.push(hub);
    const ann = user();
    const annPc = await enroll(hub, admin, [ann]);
    stations.push(admin, annPc);
    const key = await importDataKey(admin.dataKeys[0]?.id ?? '', admin.dataKeys[0]?.raw ?? new Uint8Array(32));
    const caseId = '0190f0c0-0000-7000-8000-00000000c0de';
    const records: ChangeRecord[] = [
      change(admin, { routeKey: caseId, entity: 'debtor', fields: { name: PERSONAL.name, idNumber: PERSONAL.idNumber, mobile: PERSONAL.mobile, homeAddress: PERSONAL.homeAddress, timeZone: 'Asia/Shanghai' } }),
      change(admin, { routeKey: caseId, entity: 'contact_person', fields: { name: '王秀兰', relation: '配偶', phone: '13600001111' } }),
      change(admin, { routeKey: caseId, entity: 'activity', fields: { result: 'PTP', notes: PERSONAL.notes, channel: 'call' } }),
    ];
    const sealed = await Promise.all(records.map((r) => sealFields(r, SENSITIVE, key)));
    await admin.client.push({ changes: sealed, routes: [{ key: caseId, users: [ann.id] }] });

    // the collector's station opens them with the key it unwrapped at enrollment
    const annKeys = new Map([[annPc.dataKeys[0]?.id ?? '', (await importDataKey(annPc.dataKeys[0]?.id ?? '', annPc.dataKeys[0]?.raw ?? new Uint8Array(32))).key]]);
    const pulled = (await annPc.client.pull({ after: 0 })).items.flatMap((i) => (i.kind === 'change' ? [i.change] : []));
    const opened = await Promise.all(pulled.map((c) => openFields(c, annKeys)));
    expect(opened.map((c) => c.fields)).toEqual(records.map((r) => r.fields));

    let dump: string;
    if (kind === 'sqlite') {
      await hub.close();
      open.splice(0);
      const dir = dirname(hub.where);
      dump = readdirSync(dir)
        .filter((f) => f.startsWith(hub.where.slice(dir.length + 1)))
        .map((f) => readFileSync(`${dir}/${f}`).toString('latin1'))
        .join('\n');
      // the dump is read as bytes: look for the UTF-8 bytes of each value
      dump = Buffer.from(dump, 'latin1').toString('utf8') + dump;
    } else {
      dump = await allTablesAsText(hub.where);
    }
    expect(dump).toContain(caseId); // the envelope is in the clear (the search works)
    for (const value of [...Object.values(PERSONAL), '王秀兰', '13600001111', '张伟明'.slice(0, 2), '13912345678'.slice(3)]) {
      expect(dump, `"${value}" is in the hub's ${kind} store in the clear`).not.toContain(value);
    }
  });
});

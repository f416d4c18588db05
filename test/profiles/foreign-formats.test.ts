// Files of another format than the profile reads, as banks send them: an old .xls (or a password-protected
// workbook, the same container), a web page saved as .xls, a workbook through a CSV profile. Each is refused saying
// what it is and how to save it, and nothing is written.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture } from '../helpers/fixtures';
import { useImportStore } from '../helpers/import';
import { i18n } from '../../renderer/src/i18n';
import { failureText } from '../../renderer/src/import/intakeText';

describe('a file of another format than its profile reads', () => {
  const t = useImportStore();

  const refusal = (kind: 'placement', client: string, file: string) =>
    t.env.run(kind, client, file).then(
      () => null,
      (e: { code: string; message: string; details: Record<string, unknown> }) => e,
    );

  it('is refused naming what it is and how to save it, in both languages', async () => {
    const ole = join(t.dir, '委外清单_20261201.xls');
    writeFileSync(ole, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024, 0)]));
    const html = join(t.dir, '委外清单_网页.xls');
    writeFileSync(html, '\ufeff<html><head><meta charset="utf-8"></head><body><table><tr><td>合同号</td></tr></table></body></html>');

    const xls = await refusal('placement', 'bank-b', ole);
    expect(xls).toMatchObject({ code: 'unreadable_file', message: expect.stringContaining('委外清单_20261201.xls: is an Excel 97-2003 workbook (.xls)'), details: { format: 'xls' } });
    expect(failureText(i18n.getFixedT('zh-CN'), xls!)).toContain('这是 Excel 97-2003 工作簿（.xls）');
    expect(await refusal('placement', 'bank-b', html)).toMatchObject({ details: { format: 'html' }, message: expect.stringContaining('is a web page (HTML)') });
    const workbook = await refusal('placement', 'bank-a', fixture('bank-b', 'placement-2026-11.xlsx'));
    expect(workbook).toMatchObject({ details: { format: 'xlsx' } });
    expect(failureText(i18n.getFixedT('en'), workbook!)).toContain('This is an Excel workbook, but the client');
    expect([t.env.count('cases'), t.env.count('batches'), t.env.count('import_files')]).toEqual([0, 0, 0]);
  });
});

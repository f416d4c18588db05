import iconv from 'iconv-lite';
import { cellText, type Table } from './cells';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function quote(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A table as a CSV file: RFC 4180 quoting, CRLF line ends, in UTF-8 (with a byte-order mark when asked, so that
 * Excel reads the Chinese) or GBK. A character GBK cannot hold is written as "?" — the bank asked for GBK.
 */
export function encodeCsv(table: Table, o: { encoding: 'utf-8' | 'gbk'; bom: boolean; amountUnit: 'yuan' | 'fen' }): Buffer {
  const lines = [table.headers.map(quote).join(',')];
  for (const row of table.rows) lines.push(row.map((c) => quote(cellText(c, o.amountUnit))).join(','));
  const body = `${lines.join('\r\n')}\r\n`;
  if (o.encoding === 'gbk') return iconv.encode(body, 'gbk');
  const utf8 = Buffer.from(body, 'utf8');
  return o.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8;
}

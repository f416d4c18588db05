import type { ImportKind } from '../../../shared/profile/schema';
import { isBlankRow } from './cells';
import { requiredColumns, type AnySection } from './columns';
import { readHeader, rowsAfter } from './header';
import { fieldsAllowed, mapRow, type Mapped, type MappedSource } from './mapped-row';
import { readTable } from './read-table';
import { TrailerCheck } from './trailer';

/** Rows per batch: the unit a worker posts; on this thread, what is mapped between two writes. */
const BATCH_ROWS = 1000;

/** The rows of a file, read and mapped on this thread; with `signal`, a cancelled read stops at the next chunk. */
export function localSource(file: string, kind: ImportKind, section: AnySection, signal?: AbortSignal): MappedSource {
  const rows = readTable(file, section, signal);
  const header = readHeader(file, rows, section.headerRow, requiredColumns(kind, section));
  header.catch(() => undefined);
  return {
    header,
    async *batches(map, columns) {
      const h = await header;
      let first = true;
      let width: number | undefined;
      let batch: Mapped<unknown>[] = [];
      const trailer = new TrailerCheck(file, section.trailer);
      const rest = rowsAfter(h, rows);
      for await (const source of rest) {
        if (isBlankRow(source.cells) || trailer.skip(source)) continue;
        if (first) {
          width = fieldsAllowed(section, h, source.cells);
          first = false;
        }
        const m = mapRow(source, columns, section, map, width);
        if (m) batch.push(m);
        if (batch.length >= BATCH_ROWS) {
          yield batch;
          batch = [];
        }
      }
      // A file cut off or altered is refused before its last rows are written (the transaction then holds it all back).
      trailer.finish();
      if (batch.length > 0) yield batch;
    },
    async close() {
      await rows.return(undefined);
    },
  };
}

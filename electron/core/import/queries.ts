import type { BatchRow, ImportRow, Rejection } from '../../../shared/contract/intake';
import type { Db } from '../db/open';

export function listBatches(db: Db, clientCode?: string): BatchRow[] {
  return db
    .prepare(
      `SELECT b.id, c.code AS clientCode, b.batch_no AS batchNo, b.file_name AS fileName, b.placed_at AS placedAt, b.due_back_at AS dueBackAt,
              b.hand, b.case_count AS caseCount, b.placed_total_fen AS placedTotalFen, b.status, b.imported_at AS importedAt
       FROM batches b JOIN clients c ON c.id = b.client_id
       WHERE (@code IS NULL OR c.code = @code) ORDER BY b.imported_at DESC, b.id DESC`,
    )
    .all({ code: clientCode ?? null }) as BatchRow[];
}

export function listImports(db: Db, clientCode: string | undefined, limit: number): ImportRow[] {
  return db
    .prepare(
      `SELECT f.id, c.code AS clientCode, f.kind, f.file_name AS fileName, f.rows, f.accepted, f.inserted, f.updated, f.unchanged, f.rejected,
              f.imported_at AS importedAt, u.display_name AS importedBy
       FROM import_files f JOIN clients c ON c.id = f.client_id JOIN users u ON u.id = f.created_by
       WHERE (@code IS NULL OR c.code = @code) ORDER BY f.imported_at DESC, f.id DESC LIMIT @limit`,
    )
    .all({ code: clientCode ?? null, limit }) as ImportRow[];
}

export function listRejects(db: Db, importId: string): Rejection[] {
  return db
    .prepare(`SELECT row, coalesce(case_no, '') AS caseNo, field, code, message FROM import_rejects WHERE import_id = ? ORDER BY row`)
    .all(importId) as Rejection[];
}

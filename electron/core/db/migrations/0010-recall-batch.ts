/**
 * Schema version 10: the batch a recall took a case out of. A recalled case the bank places again joins its new batch;
 * the returns file still reports the recall with the batch it ended (and the case as recalled), not the case's batch
 * of today. Recalls recorded before have none: they report the case's batch, as before.
 */
export const sql = /* sql */ `
ALTER TABLE recalls ADD COLUMN batch_id TEXT REFERENCES batches(id);
`;

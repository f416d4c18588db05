/**
 * Schema version 11: the part of a payment that lowered the case's balance. A payment larger than what the case still
 * owed (an overpayment) lowers the balance to 0, not below; a reversal of it gives back what it took off, not the whole
 * amount. Payments recorded before have none: a reversal of one gives back its whole amount, as before.
 */
export const sql = /* sql */ `
ALTER TABLE payments ADD COLUMN applied_fen INTEGER;
ALTER TABLE payment_reversals ADD COLUMN applied_fen INTEGER;
`;

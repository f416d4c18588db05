/** Schema version 2: indexes for the work queue's default order and for search on a large store. */
export const sql = /* sql */ `
CREATE INDEX cases_assigned_balance ON cases(assigned_to, balance_fen DESC);
CREATE INDEX cases_balance ON cases(balance_fen DESC);
CREATE INDEX cases_next_action ON cases(next_action_at) WHERE next_action_at IS NOT NULL;
CREATE INDEX debtors_id_number_any ON debtors(id_number);
`;

/**
 * Schema version 4: a covering index for the KPI queries over activities (worked, contacted, right-party contacts);
 * and no debtors(client_id, id_number) index: debtors_id_number_any(id_number) of migration 2 serves the lookup
 * within a client as well (an ID number is one person), and each index entry costs every debtor imported ~3.5 µs.
 */
export const sql = /* sql */ `
CREATE INDEX activities_kpi ON activities(case_id, started_at, party, result_code);
DROP INDEX debtors_id_number;
`;

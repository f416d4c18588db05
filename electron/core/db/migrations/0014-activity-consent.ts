/**
 * Schema version 14: an activity records whether the person asked on it to be called (direct prior consent, Reg F
 * 1006.14(b)(3)): calls in the seven days after it do not count toward US-F.
 */
export const sql = /* sql */ `
ALTER TABLE activities ADD COLUMN consent_to_call INTEGER NOT NULL DEFAULT 0 CHECK (consent_to_call IN (0, 1));
`;

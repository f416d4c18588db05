import type { Db } from '../db/open';
import { RowRejected } from './row-reader';
import { quoted } from './limits';

/**
 * The rejection of a row naming a case the agency does not hold for the client. When the number is all digits and
 * the client's case numbers begin with zeros, the likely cause is said: a workbook that stores case numbers as numbers
 * drops those zeros (the section's `caseNoDigits` puts them back). Asked once per import.
 */
export class UnknownCases {
  private zeroLed: boolean | null = null;

  constructor(
    private readonly db: Db,
    private readonly clientId: string,
  ) {}

  reject(caseNo: string): RowRejected {
    if (/^[1-9]\d*$/.test(caseNo)) {
      this.zeroLed ??= this.db.prepare("SELECT 1 FROM cases WHERE client_id = ? AND case_no >= '0' AND case_no < '1' LIMIT 1").get(this.clientId) !== undefined;
      if (this.zeroLed) return new RowRejected('caseNo', 'unknown_case', `${quoted(caseNo)} (the client's case numbers begin with zeros: a workbook storing them as numbers drops them — see caseNoDigits)`);
    }
    return new RowRejected('caseNo', 'unknown_case', quoted(caseNo));
  }
}

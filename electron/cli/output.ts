import type { ApiError } from '../../shared/errors';

/** Where a command's results go: with --json exactly one JSON document on stdout; human text otherwise. */
export interface Output {
  json: boolean;
  /** true once failure() was called: the command exits 1 */
  readonly failed: boolean;
  /** the command's result; in JSON mode merged into { ok: true, ... } */
  result(value: Record<string, unknown>, human: string): void;
  /** a refused or failed operation; extra fields (e.g. verdicts) sit beside the error in JSON mode */
  failure(error: ApiError, extra?: Record<string, unknown>): void;
  /** progress and notes for a person: always stderr */
  info(line: string): void;
}

export function createOutput(json: boolean, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Output {
  let failed = false;
  return {
    json,
    get failed() {
      return failed;
    },
    result(value, human) {
      if (json) out.write(`${JSON.stringify({ ok: true, ...value })}\n`);
      else out.write(`${human}\n`);
    },
    failure(error, extra) {
      failed = true;
      if (json) out.write(`${JSON.stringify({ ok: false, ...extra, error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } })}\n`);
      err.write(`Error (${error.code}): ${error.message}\n`);
    },
    info(line) {
      err.write(`${line}\n`);
    },
  };
}

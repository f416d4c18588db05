import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ClientProfile } from '../../../shared/profile/schema';
import { CoreError } from '../errors';
import { parseProfile } from './clients';

/** The largest profile file read: a profile is a page of JSON, never megabytes. */
const MAX_PROFILE_BYTES = 1024 * 1024;

/**
 * Reads and validates a profile file (`client add --profile FILE`, Admin → Banks): UTF-8 JSON, a byte-order mark
 * allowed. `name` is what the errors call the file (the name the admin chose, not a staging path).
 */
export function readProfileFile(file: string, name: string = basename(file)): ClientProfile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new CoreError('not_found', `${name}: no such file.`, { file: name });
  }
  if (bytes.length > MAX_PROFILE_BYTES) throw new CoreError('invalid_input', `${name} is too large for a client profile (over 1 MB).`, { file: name, problem: 'too_large' });
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\ufeff/, ''));
  } catch (err) {
    throw new CoreError('invalid_input', `${name} is not valid JSON: ${(err as Error).message}.`, { file: name, problem: 'not_json', detail: (err as Error).message });
  }
  return parseProfile(json, name);
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { ClientProfile } from '../../shared/profile/schema';
import { parseProfile } from '../../electron/core/clients/clients';

/** The bank files, copied unchanged from the shared fixtures (do not edit). */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const fixture = (...parts: string[]): string => join(FIXTURES, ...parts);

const PROFILES = fileURLToPath(new URL('../../resources/profiles/', import.meta.url));

/** A shipped profile, validated; `code` gives a copy registered under another code. */
export function shippedProfile(name: 'bank-a' | 'bank-b', code?: string): ClientProfile {
  const profile = parseProfile(JSON.parse(readFileSync(join(PROFILES, `${name}.json`), 'utf8')), `${name}.json`);
  return code ? { ...profile, code } : profile;
}

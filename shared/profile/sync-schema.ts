import { z } from 'zod';

/**
 * The sync section of a client profile: where the bank's exchange API is (docs/bank-sync-api.yaml) and the key id
 * the agency signs with. The secret itself is never in the profile: `client add`/`client update` take it from
 * $COLLECTDESK_SYNC_SECRET and store it encrypted.
 */

/** True for a loopback host: 127.0.0.0/8, ::1 or localhost (the only hosts plain http:// may reach). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Why a sync address is refused, in words an admin acts on; null when it is acceptable. */
export function syncUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `"${url}" is not a web address (it should look like https://bank.example.com/collectdesk/v1)`;
  }
  if (u.username || u.password) return 'the address must not contain a user name or password';
  if (u.search || u.hash) return 'the address must not contain a query (?…) or a fragment (#…)';
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:') {
    return isLoopbackHost(u.hostname) ? null : `plain http:// is accepted only for this computer (127.0.0.1, ::1, localhost), not for ${u.hostname}: the bank connection must use https://`;
  }
  return `the address must start with https:// (it starts with ${u.protocol}//)`;
}

/** A SHA-256 certificate fingerprint: 64 hex digits, with or without colons (as browsers and openssl print it). */
const Fingerprint = z
  .string()
  .transform((s) => s.replace(/[:\s]/g, '').toLowerCase())
  .refine((s) => /^[0-9a-f]{64}$/.test(s), 'a SHA-256 fingerprint is 64 hex digits (colons allowed)');

export const SyncSection = z
  .object({
    /** the API's base address; the paths of docs/bank-sync-api.yaml are appended to it */
    url: z.string().superRefine((url, ctx) => {
      const problem = syncUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    /** the key id the bank issued to this agency (sent as X-CD-Key-Id) */
    keyId: z.string().regex(/^[\x21-\x7e]{1,128}$/, '1 to 128 visible ASCII characters'),
    /** pin the bank's certificate: its SHA-256 fingerprint, or several (a rotation) */
    pinSha256: z.union([Fingerprint, z.array(Fingerprint).min(1).max(4)]).optional(),
    /** minutes between background rounds while the app is open */
    intervalMinutes: z.number().int().min(1).max(1440).default(15),
    /** outcomes per push request, and records per pulled page */
    batchSize: z.number().int().min(1).max(5000).default(500),
  })
  .strict();
export type SyncSection = z.infer<typeof SyncSection>;

/** The pinned fingerprints as a list (normalised hex), empty when nothing is pinned. */
export function pinnedFingerprints(section: SyncSection): string[] {
  const p = section.pinSha256;
  return p === undefined ? [] : Array.isArray(p) ? p : [p];
}

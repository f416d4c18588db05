import { describe, expect, it } from 'vitest';
import { isLoopbackHost, pinnedFingerprints, SyncSection, syncUrlProblem } from './sync-schema';

describe('the profile’s sync section', () => {
  it('takes https anywhere and plain http only to this computer', () => {
    expect(syncUrlProblem('https://bank.example.com/collectdesk/v1')).toBeNull();
    expect(syncUrlProblem('http://127.0.0.1:8443/v1')).toBeNull();
    expect(syncUrlProblem('http://[::1]:8443/v1')).toBeNull();
    expect(syncUrlProblem('http://localhost/v1')).toBeNull();
    expect(syncUrlProblem('http://192.168.1.20/v1')).toMatch(/^plain http:\/\/ is accepted only for this computer .* not for 192\.168\.1\.20: the bank connection must use https:\/\/$/);
    expect(syncUrlProblem('ftp://bank.example.com/')).toBe('the address must start with https:// (it starts with ftp://)');
    expect(syncUrlProblem('bank.example.com')).toMatch(/is not a web address/);
    expect(syncUrlProblem('https://user:pw@bank.example.com/')).toMatch(/user name or password/);
    expect(syncUrlProblem('https://bank.example.com/v1?x=1')).toMatch(/query/);
    expect(isLoopbackHost('127.8.9.10')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false);
  });

  it('has defaults, normalises pinned fingerprints and refuses unknown keys', () => {
    const fp = 'AB:'.repeat(31) + 'AB';
    const s = SyncSection.parse({ url: 'https://bank.example.com/v1', keyId: 'agency-7', pinSha256: [fp, 'cd'.repeat(32)] });
    expect(s).toMatchObject({ intervalMinutes: 15, batchSize: 500 });
    expect(pinnedFingerprints(s)).toEqual(['ab'.repeat(32), 'cd'.repeat(32)]);
    expect(SyncSection.safeParse({ url: 'https://b.example/v1', keyId: 'k', pinSha256: 'abc' }).success).toBe(false);
    expect(SyncSection.safeParse({ url: 'https://b.example/v1', keyId: 'k', secret: 'never here' }).success).toBe(false);
  });
});

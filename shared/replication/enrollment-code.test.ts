import { describe, expect, it } from 'vitest';
import { sha256Hex } from './bytes';
import { ENROLLMENT_SECRET_LENGTH, formatEnrollmentCode, joinProof, newEnrollmentCode, openEnrollment, parseEnrollmentCode, prepareEnrollment } from './enrollment-code';
import { UnwrapError } from './key-wrap';
import { generateDataKeyBytes } from './sealed-value';
import { formatSetupCode, newSetupCode, parseSetupCode } from './setup-code';

describe('enrollment codes', () => {
  it('carries an 8-character id and a 26-character (130-bit) secret, printed in groups and read leniently', () => {
    const code = newEnrollmentCode();
    expect(code.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(code.secret).toHaveLength(ENROLLMENT_SECRET_LENGTH);
    expect(ENROLLMENT_SECRET_LENGTH * 5).toBeGreaterThanOrEqual(128);
    const text = formatEnrollmentCode(code);
    expect(text).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}(-[0-9A-Z]{5}){5}-[0-9A-Z]{2}$/);
    expect(parseEnrollmentCode(text)).toEqual({ ok: true, code });
    const typed = text.replace(/-/g, ' ').toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    expect(parseEnrollmentCode(typed)).toEqual({ ok: true, code });
  });

  it('catches a mistyped character or a swap of neighbours, and says what is wrong', () => {
    const code = { id: 'ABCDEFGH', secret: '0123456789ABCDEFGHJKMNPQRS' };
    const text = formatEnrollmentCode(code).replace(/-/g, '');
    for (let i = 0; i < text.length; i++) {
      const wrong = text.slice(0, i) + (text[i] === 'X' ? 'Y' : 'X') + text.slice(i + 1);
      expect(parseEnrollmentCode(wrong).ok, `typo at ${i}`).toBe(false);
    }
    expect(parseEnrollmentCode(text.slice(0, 2) + text[3] + text[2] + text.slice(4))).toMatchObject({ ok: false, reason: 'check' });
    expect(parseEnrollmentCode('ABCD-EFGH')).toMatchObject({ ok: false, reason: 'length' });
    expect(parseEnrollmentCode('ABCD-EFGH-!')).toMatchObject({ ok: false, reason: 'characters' });
  });

  it('wraps the data keys so only the secret opens them, and proves the secret to the hub without showing it', async () => {
    const keys = [generateDataKeyBytes(), generateDataKeyBytes()];
    const prepared = await prepareEnrollment(keys);
    expect(JSON.stringify(prepared.wrappedKeys) + prepared.verifier).not.toContain(prepared.code.secret);
    const opened = await openEnrollment(prepared.code, prepared.wrappedKeys);
    expect(opened.map((k) => [k.id, Buffer.from(k.raw).toString('hex')])).toEqual(keys.map((k) => [k.id, Buffer.from(k.raw).toString('hex')]));
    expect(await sha256Hex(await joinProof(prepared.code))).toBe(prepared.verifier);

    const wrongSecret = { ...prepared.code, secret: 'Z'.repeat(26) };
    await expect(openEnrollment(wrongSecret, prepared.wrappedKeys)).rejects.toBeInstanceOf(UnwrapError);
    expect(await sha256Hex(await joinProof(wrongSecret))).not.toBe(prepared.verifier);
    // a wrapped key moved to another code does not open there, even with that code's secret
    const other = { id: 'ZZZZZZZZ', secret: prepared.code.secret };
    await expect(openEnrollment(other, prepared.wrappedKeys)).rejects.toBeInstanceOf(UnwrapError);
  });
});

describe('setup codes', () => {
  it('has 100 random bits and a check character', () => {
    const code = newSetupCode();
    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}-[0-9A-Z]$/);
    expect(parseSetupCode(code.toLowerCase().replace(/-/g, ''))).toEqual({ ok: true, code });
    expect(parseSetupCode(formatSetupCode('A'.repeat(20)).replace(/-.$/, '-Z')).ok).toBe(false);
  });
});

import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import { uuidv7 } from '../../../shared/domain/ids';
import { CoreError } from '../errors';

/**
 * Files picked in the UI are first copied into DATA_DIR/staging/<ref>/<name>, whatever the transport (an upload
 * to the web host, a path from the desktop's file dialog); the import then names them by ref only, so no request
 * can point the importer at a path outside the data folder.
 */
export const MAX_STAGED_BYTES = 512 * 1024 * 1024;
const REF = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export interface StagedFile {
  fileRef: string;
  name: string;
  size: number;
}

function stagingRoot(dataDir: string): string {
  return join(dataDir, 'staging');
}

/** A file name safe to keep: no folders, no control characters, not empty. */
export function safeFileName(name: string): string {
  const base = [...basename(name.replace(/\\/g, '/'))].map((ch) => (ch.charCodeAt(0) < 32 || '<>:"|?*'.includes(ch) ? '_' : ch)).join('').trim();
  return base === '' || base === '.' || base === '..' ? 'file' : base.slice(0, 200);
}

function newSlot(dataDir: string, name: string): { fileRef: string; path: string } {
  const fileRef = uuidv7();
  const dir = join(stagingRoot(dataDir), fileRef);
  mkdirSync(dir, { recursive: true });
  return { fileRef, path: join(dir, safeFileName(name)) };
}

/** Stages bytes streamed in (an upload), refusing more than `maxBytes`. */
export async function stageStream(dataDir: string, name: string, body: Readable | AsyncIterable<Buffer>, maxBytes = MAX_STAGED_BYTES): Promise<StagedFile> {
  const slot = newSlot(dataDir, name);
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) done(new CoreError('invalid_input', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, { field: 'file' }));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body instanceof Readable ? body : Readable.from(body), limit, createWriteStream(slot.path));
  } catch (err) {
    rmSync(join(stagingRoot(dataDir), slot.fileRef), { recursive: true, force: true });
    throw err;
  }
  return { fileRef: slot.fileRef, name: basename(slot.path), size };
}

/** Stages a file the user picked on this machine (the desktop's file dialog). */
export async function stagePath(dataDir: string, path: string): Promise<StagedFile> {
  if (!existsSync(path) || !statSync(path).isFile()) throw new CoreError('not_found', `${basename(path)}: no such file.`, { field: 'file' });
  const size = statSync(path).size;
  if (size > MAX_STAGED_BYTES) throw new CoreError('invalid_input', `The file is larger than ${MAX_STAGED_BYTES / 1024 / 1024} MB.`, { field: 'file' });
  const slot = newSlot(dataDir, basename(path));
  await copyFile(path, slot.path);
  return { fileRef: slot.fileRef, name: basename(slot.path), size };
}

/** The staged file of a ref; anything that is not a ref of this data folder is refused. */
export function resolveStaged(dataDir: string, fileRef: string): string {
  if (!REF.test(fileRef)) throw new CoreError('invalid_input', 'Unknown file reference.', { field: 'fileRef' });
  const root = resolve(stagingRoot(dataDir));
  const dir = resolve(root, fileRef);
  if (!dir.startsWith(root + sep) || !existsSync(dir)) throw new CoreError('not_found', 'The chosen file is no longer available; choose it again.', { field: 'fileRef' });
  const [name] = readdirSync(dir);
  if (!name) throw new CoreError('not_found', 'The chosen file is no longer available; choose it again.', { field: 'fileRef' });
  return join(dir, name);
}

export function discardStaged(dataDir: string, fileRef: string): void {
  if (REF.test(fileRef)) rmSync(join(stagingRoot(dataDir), fileRef), { recursive: true, force: true });
}

/** Removes staged files older than `maxAgeMs` (left behind by a closed window or a crash). */
export function sweepStaging(dataDir: string, nowMs: number, maxAgeMs = 24 * 3600_000): void {
  const root = stagingRoot(dataDir);
  if (!existsSync(root)) return;
  for (const ref of readdirSync(root)) {
    const dir = join(root, ref);
    if (nowMs - statSync(dir).mtimeMs > maxAgeMs) rmSync(dir, { recursive: true, force: true });
  }
}

import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import { uuidv7 } from '../../../shared/domain/ids';
import { CoreError } from '../errors';

/**
 * Files picked in the UI are first copied into DATA_DIR/staging/<ref>/<name>, whatever the transport (an upload
 * to the web host, a path from the desktop's file dialog); the import then names them by ref only, so no request
 * can point the importer at a path outside the data folder.
 *
 * A bank file is personal data in the clear: the folder is readable by its owner only (0700, each file 0600), and a
 * file stays only while its preview is open — discarded when the user leaves it, at sign-out, at lock, when the app
 * closes, and whatever is left (a crash) at the next open.
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

/** Owner only: the staging folder and each slot in it. */
const DIR_MODE = 0o700;
/** Owner only: a staged file. */
export const FILE_MODE = 0o600;

function newSlot(dataDir: string, name: string): { fileRef: string; path: string } {
  const fileRef = uuidv7();
  const root = stagingRoot(dataDir);
  mkdirSync(root, { recursive: true, mode: DIR_MODE });
  // A folder made by an earlier version (0755) is closed too.
  chmodSync(root, DIR_MODE);
  const dir = join(root, fileRef);
  mkdirSync(dir, { mode: DIR_MODE });
  return { fileRef, path: join(dir, safeFileName(name)) };
}

/** A new file of the slot, created owner-only (never readable by others, not even while it is written). */
function slotFile(path: string) {
  return createWriteStream(path, { flags: 'wx', mode: FILE_MODE });
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
    await pipeline(body instanceof Readable ? body : Readable.from(body), limit, slotFile(slot.path));
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
  try {
    // Copied as a stream, not with copyFile, which would give the copy the picked file's own mode.
    await pipeline(createReadStream(path), slotFile(slot.path));
  } catch (err) {
    rmSync(join(stagingRoot(dataDir), slot.fileRef), { recursive: true, force: true });
    throw err;
  }
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

/**
 * Removes every staged file: at sign-out, lock and close (nothing staged outlives the session that chose it) and at
 * the next open (what a crash left). A file that cannot be removed now (held open elsewhere) is tried again then.
 */
export function clearStaging(dataDir: string): void {
  const root = stagingRoot(dataDir);
  if (!existsSync(root)) return;
  for (const ref of readdirSync(root)) {
    try {
      rmSync(join(root, ref), { recursive: true, force: true });
    } catch {
      // left for the next clearing
    }
  }
}

import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A small file system of its own (tmpfs), to make a disk run full for real. Needs the right to mount (root on Linux);
 * null where it cannot be had, and the tests that need it are skipped.
 */
export function mountTinyDisk(dir: string, megabytes: number): { dir: string; unmount: () => void } | null {
  if (process.platform !== 'linux') return null;
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  return { dir, unmount: () => void spawnSync('umount', ['-l', dir]) };
}

/** Fills the disk that holds `dir` with one file until the disk is full, then leaves `freeBytes` free; returns the file. */
export function fillDisk(dir: string, freeBytes: number): { file: string; release: () => void } {
  const file = join(dir, 'filler.bin');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 0x5a);
  let size = 0;
  try {
    for (;;) size += writeSync(fd, chunk);
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOSPC') throw err;
  }
  ftruncateSync(fd, Math.max(0, size - freeBytes));
  closeSync(fd);
  return { file, release: () => void spawnSync('rm', ['-f', file]) };
}

import { resolve } from 'node:path';

/** The value of `--data DIR` or `--data=DIR` among the process arguments, if any. */
export function dataDirArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data') {
      const next = argv[i + 1];
      return next && !next.startsWith('--') ? next : undefined;
    }
    if (arg?.startsWith('--data=')) return arg.slice('--data='.length) || undefined;
  }
  return undefined;
}

/**
 * Where the database lives: `--data DIR`, else COLLECTDESK_DATA, else Electron's userData (which is what
 * electron/core/db/paths.ts `defaultDataDir()` computes for the CLI). `custom` says a folder was chosen.
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, userData: () => string): { dataDir: string; custom: boolean } {
  const chosen = dataDirArg(argv) ?? (env.COLLECTDESK_DATA || undefined);
  return chosen ? { dataDir: resolve(chosen), custom: true } : { dataDir: userData(), custom: false };
}

import { homedir, platform } from 'node:os';
import { join } from 'node:path';

export const DB_FILE_NAME = 'collectdesk.db';
export const APP_FOLDER_NAME = 'CollectDesk';

export function dbFile(dataDir: string): string {
  return join(dataDir, DB_FILE_NAME);
}

/** The desktop app's data folder (Electron's userData for the product name), used when no --data is given. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.COLLECTDESK_DATA) return env.COLLECTDESK_DATA;
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
  }
}

/**
 * A stand-in for the `electron` module, for running the built dist-electron/main.cjs in plain Node
 * (`node --require <this, bundled> dist-electron/main.cjs`). It records what the main process does, calls two
 * IPC handlers once the window loads (one from the app page, one from a foreign page) and prints a JSON report.
 */
import Module from 'node:module';
import { pathToFileURL } from 'node:url';

type Fn = (...args: unknown[]) => unknown;
const report: Record<string, unknown> = { errors: [] as string[] };
const handlers = new Map<string, Fn>();
const appEvents = new Map<string, Fn[]>();
const projectRoot = process.env.FAKE_ELECTRON_APP_PATH ?? process.cwd();
let userData = process.env.FAKE_ELECTRON_USER_DATA ?? '/nonexistent';

const app = {
  setName: (n: string) => (report.name = n),
  getPath: (name: string) => (name === 'userData' ? userData : `/tmp/fake-${name}`),
  setPath: (name: string, p: string) => {
    if (name === 'userData') userData = p;
    report.userData = p;
  },
  getVersion: () => '0.0.0-fake',
  getAppPath: () => projectRoot,
  enableSandbox: () => (report.sandbox = true),
  requestSingleInstanceLock: () => true,
  isPackaged: false,
  on: (event: string, fn: Fn) => appEvents.set(event, [...(appEvents.get(event) ?? []), fn]),
  whenReady: () => Promise.resolve(),
  quit: () => {},
  exit: (code: number) => process.exit(code),
};

async function finish(indexHtml: string): Promise<void> {
  const appUrl = pathToFileURL(indexHtml).href;
  const status = handlers.get('collectdesk:app.status');
  report.channels = [...handlers.keys()].sort();
  report.trusted = await status?.({ senderFrame: { url: appUrl, parent: null } }, {});
  report.foreign = await status?.({ senderFrame: { url: 'https://evil.example/', parent: null } }, {});
  report.appEvents = [...appEvents.keys()].sort();
  process.stdout.write(`FAKE_ELECTRON_REPORT ${JSON.stringify(report)}\n`);
  for (const fn of appEvents.get('will-quit') ?? []) fn();
  process.exit(0);
}

class BrowserWindow {
  webContents = { once: () => {} };
  constructor(options: unknown) {
    report.window = options;
  }
  once(): void {}
  on(): void {}
  show(): void {}
  maximize(): void {}
  isMaximized(): boolean {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 800 };
  }
  loadFile(file: string): Promise<void> {
    report.loaded = file;
    setImmediate(() => void finish(file));
    return Promise.resolve();
  }
}

const session = {
  defaultSession: {
    webRequest: { onHeadersReceived: () => (report.csp = true) },
    setPermissionRequestHandler: () => (report.permissionRequests = 'handled'),
    setPermissionCheckHandler: () => (report.permissionChecks = 'handled'),
    setDevicePermissionHandler: () => {},
  },
};

const fake = {
  app,
  BrowserWindow,
  session,
  ipcMain: { handle: (channel: string, fn: Fn) => handlers.set(channel, fn), removeHandler: (c: string) => handlers.delete(c), on: () => {} },
  safeStorage: {
    isAsyncEncryptionAvailable: async () => false,
    getSelectedStorageBackend: () => 'basic_text',
    encryptStringAsync: async () => Buffer.alloc(0),
    decryptStringAsync: async () => ({ result: '', shouldReEncrypt: false }),
  },
  Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (report.menu = m) },
  dialog: {
    showErrorBox: (title: string, body: string) => (report.errors as string[]).push(`${title}: ${body}`),
    showMessageBox: async () => ({ response: 0 }),
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  shell: {},
};

// Answer `require('electron')` with the fake.
const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = mod._load;
mod._load = function (request: string, ...rest: unknown[]) {
  return request === 'electron' ? fake : load.call(this, request, ...rest);
};

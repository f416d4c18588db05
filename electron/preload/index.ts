import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

// Bundled into one CommonJS file (dist-electron/preload.cjs): a sandboxed preload cannot require local files.
contextBridge.exposeInMainWorld(
  'collectdesk',
  createBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);

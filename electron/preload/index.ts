import { contextBridge, ipcRenderer } from 'electron';
import { FILE_PICK_CHANNEL, type FileBridge, type PickFileInput } from '../../shared/contract/client';
import { createBridge } from './bridge';

// Bundled into one CommonJS file (dist-electron/preload.cjs): a sandboxed preload cannot require local files.
contextBridge.exposeInMainWorld(
  'collectdesk',
  createBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);

// The desktop's file dialog for imports (shown by main; the window never passes a path).
const files: FileBridge = Object.freeze({ pick: (input: PickFileInput) => ipcRenderer.invoke(FILE_PICK_CHANNEL, input) as ReturnType<FileBridge['pick']> });
contextBridge.exposeInMainWorld('collectdeskFiles', files);

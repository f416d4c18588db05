import type { FileBridge, StagedFile } from '../../../shared/contract/client';
import type { ApiResult } from '../../../shared/errors';
import { ApiError } from './errors';
import { captureToken } from './token';

declare global {
  interface Window {
    /** Exposed by the Electron preload: the desktop's own open dialog. Absent in browser mode. */
    collectdeskFiles?: FileBridge;
  }
}

export type { StagedFile };

const UNREACHABLE = (): ApiError => new ApiError('unreachable', 'unreachable', { unreachable: true });

function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw ApiError.from(result.error);
}

/** Desktop: main shows its open dialog and stages the chosen file; the window never sees a path. */
async function pickInDesktop(bridge: FileBridge, extensions: string[], title?: string): Promise<StagedFile | null> {
  let result: ApiResult<StagedFile | null>;
  try {
    result = await bridge.pick({ extensions, title });
  } catch {
    throw UNREACHABLE();
  }
  return unwrap(result);
}

/** Browser: a hidden file input; resolves with the File, or null when the dialog was cancelled. */
function browseForFile(extensions: string[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.appendChild(input);
    input.click();
  });
}

/** Browser mode: the bytes go to the loopback host's POST /upload, which stages them in the data folder. */
async function upload(file: File): Promise<StagedFile> {
  let response: Response;
  try {
    response = await fetch('/upload', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${captureToken() ?? ''}`,
        'X-File-Name': encodeURIComponent(file.name),
        'Content-Type': 'application/octet-stream',
      },
      body: file,
      cache: 'no-store',
    });
  } catch {
    throw UNREACHABLE();
  }
  let result: ApiResult<StagedFile>;
  try {
    result = (await response.json()) as ApiResult<StagedFile>;
  } catch {
    throw new ApiError('internal', `HTTP ${response.status}`, { status: response.status });
  }
  return unwrap(result);
}

/**
 * Lets the user choose a file to import, whatever the transport, and stages it for import.preview/import.start.
 * Resolves null when the user cancelled; throws ApiError when the file could not be staged.
 */
export async function chooseFile(extensions: string[], title?: string): Promise<StagedFile | null> {
  const bridge = window.collectdeskFiles;
  if (bridge) return pickInDesktop(bridge, extensions, title);
  const file = await browseForFile(extensions);
  return file ? upload(file) : null;
}

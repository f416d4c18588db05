import type { ApiResult } from '../errors';
import type { MethodInput, MethodName, MethodOutput } from './methods';

/** What a transport must provide: one call per method, answering with the error envelope. */
export type Transport = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>>;

/** The shape the preload exposes on window.collectdesk: one function per contract method. */
export type BridgeApi = { [M in MethodName]: (input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>> };

/** A file copied into the data folder's staging area, named by ref in later calls (import.preview, import.start). */
export interface StagedFile {
  fileRef: string;
  name: string;
  size: number;
}

/**
 * Choosing a file to import is the one thing the two transports do differently: the desktop shows its own open
 * dialog in the main process (the window never passes a path), browser mode uploads the bytes to POST /upload.
 */
export const FILE_PICK_CHANNEL = 'collectdesk:pick-file';
export interface PickFileInput {
  /** extensions offered in the dialog, without dots */
  extensions: string[];
  title?: string;
}
/** window.collectdeskFiles in the desktop app; null value when the user cancelled */
export interface FileBridge {
  pick(input: PickFileInput): Promise<ApiResult<StagedFile | null>>;
}

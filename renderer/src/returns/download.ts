import type { ReturnsFileOut } from '../../../shared/contract/returns';
import { saveBlob } from '../export/xlsx';

/** base64 (as the contract carries a file) → bytes. */
export function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Hands a returns file to the browser as a download: Chromium saves it, the desktop window asks where. */
export function downloadFile(file: ReturnsFileOut): void {
  saveBlob(fromBase64(file.base64), file.fileName, file.mime);
}

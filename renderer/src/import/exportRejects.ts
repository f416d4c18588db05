/** The Excel export moved to ../export/xlsx (shared by every screen); re-exported for the import screen. */
export { baseName, downloadXlsx, type SheetData } from '../export/xlsx';

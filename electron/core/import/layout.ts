import type { PlacementSection } from '../../../shared/profile/schema';

/** What every section of a profile says about the file's layout. */
export type ImportEncoding = PlacementSection['encoding'];
export type SectionLayout = Pick<PlacementSection, 'format' | 'delimiter' | 'encoding' | 'sheet' | 'headerRow' | 'dateFormats' | 'amountUnit'>;

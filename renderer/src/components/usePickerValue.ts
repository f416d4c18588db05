import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';

/** A text value of the form `pattern` (YYYY-MM-DD, YYYY-MM-DDTHH:mm) as a picker's date, '' or absent as none. */
export const toDayjs = (text: string | null | undefined): Dayjs | null => (text ? dayjs(text) : null);

/**
 * The state a date picker field keeps beside its text value: what is typed, which may be half a date while the value
 * says ''. A new value from outside (a preset, a reset, a restored draft) replaces what is typed. Also the app's
 * language, which the field is shown in whatever the browser's.
 */
export function usePickerValue(value: string, onChange: (text: string) => void, pattern: string): { language: Language; inner: Dayjs | null; change(d: Dayjs | null): void } {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const toText = (d: Dayjs | null): string => (d && d.isValid() ? d.format(pattern) : '');
  const [inner, setInner] = useState<Dayjs | null>(() => toDayjs(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== toText(inner)) setInner(toDayjs(value));
  }
  return {
    language,
    inner,
    change: (d) => {
      setInner(d);
      onChange(toText(d));
    },
  };
}

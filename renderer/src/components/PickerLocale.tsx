import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { enUS, zhCN } from '@mui/x-date-pickers/locales';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import type { ReactNode } from 'react';
import type { Language } from '../i18n';

const LOCALE_TEXT = {
  'zh-CN': zhCN.components.MuiLocalizationProvider.defaultProps.localeText,
  en: enUS.components.MuiLocalizationProvider.defaultProps.localeText,
} as const;

/**
 * Date and time pickers in the app's language, whatever the workstation's or browser's locale: month names,
 * weekdays, the first day of the week and the buttons follow the language chosen in the app.
 */
export function PickerLocale({ language, children }: { language: Language; children: ReactNode }) {
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale={language === 'zh-CN' ? 'zh-cn' : 'en'} localeText={LOCALE_TEXT[language]}>
      {children}
    </LocalizationProvider>
  );
}

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Preferences } from '../../shared/contract/schemas';
import en from '../../resources/locales/en.json';
import zhCN from '../../resources/locales/zh-CN.json';
import wbEn from '../../resources/locales/workbench.en.json';
import wbZhCN from '../../resources/locales/workbench.zh-CN.json';
import returnsEn from '../../resources/locales/returns.en.json';
import returnsZhCN from '../../resources/locales/returns.zh-CN.json';
import leadsEn from '../../resources/locales/leads.en.json';
import leadsZhCN from '../../resources/locales/leads.zh-CN.json';
import adminEn from '../../resources/locales/admin.en.json';
import adminZhCN from '../../resources/locales/admin.zh-CN.json';
import syncStatusEn from '../../resources/locales/sync-status.en.json';
import syncStatusZhCN from '../../resources/locales/sync-status.zh-CN.json';
import stationsEn from '../../resources/locales/stations.en.json';
import stationsZhCN from '../../resources/locales/stations.zh-CN.json';
import banksEn from '../../resources/locales/banks.en.json';
import banksZhCN from '../../resources/locales/banks.zh-CN.json';

export type Language = Preferences['language'];
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

/** i18next with both catalogues bundled; Simplified Chinese unless prefs say otherwise. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: { ...zhCN, ...wbZhCN } }, en: { translation: { ...en, ...wbEn } } },
  lng: 'zh-CN',
  fallbackLng: false,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
for (const [lng, res] of [['zh-CN', returnsZhCN], ['en', returnsEn]] as const) i18n.addResourceBundle(lng, 'translation', res, true, true);
// The team-lead screens' strings, deep-merged (they add to nav.*).
for (const [lng, res] of [['zh-CN', leadsZhCN], ['en', leadsEn]] as const) i18n.addResourceBundle(lng, 'translation', res, true, true);
for (const [lng, res] of [['zh-CN', adminZhCN], ['en', adminEn]] as const) i18n.addResourceBundle(lng, 'translation', res, true, true);
// The agency hub's sync status, shown on every screen.
for (const [lng, res] of [['zh-CN', syncStatusZhCN], ['en', syncStatusEn]] as const) i18n.addResourceBundle(lng, 'translation', res, true, true);
// The agency hub's screens (first run's join, Admin → Stations, the lead's station sync).
for (const [lng, res] of [['zh-CN', stationsZhCN], ['en', stationsEn]] as const) i18n.addResourceBundle(lng, 'translation', res, true, true);
// Admin → Banks, scheduled backups and the purge preview (they add to admin.tabs.* and data.*).
for (const [lng, res] of [['zh-CN', banksZhCN], ['en', banksEn]] as const) i18n.addResourceBundle(lng, 'translation', res, true, true);

export function applyLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  document.title = `${i18n.t('app.name')} · ${i18n.t('app.tagline')}`;
}

import { createTheme, type Theme } from '@mui/material/styles';

export type ThemeMode = 'light' | 'dark';

/** CJK first, so Chinese never falls back to a Latin font's fallback chain; Roboto is bundled for Latin. */
export const FONT_STACK = '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC",Roboto,"Helvetica Neue",Arial,sans-serif';
export const MONO_STACK = '"JetBrains Mono","Cascadia Mono",Consolas,"Noto Sans Mono CJK SC",monospace';

/** A dense desktop theme: small controls everywhere, quiet surfaces, one accent. */
export function createAppTheme(mode: ThemeMode): Theme {
  const light = mode === 'light';
  return createTheme({
    palette: {
      mode,
      primary: { main: light ? '#1f5fae' : '#78a9ff' },
      secondary: { main: light ? '#4b5b70' : '#a6b4c8' },
      background: light ? { default: '#f3f5f8', paper: '#ffffff' } : { default: '#121518', paper: '#1b1f24' },
      divider: light ? '#dfe3e8' : '#2c323a',
      text: light ? { primary: '#1c2430', secondary: '#5a6675' } : { primary: '#e6e9ee', secondary: '#9aa5b4' },
    },
    shape: { borderRadius: 6 },
    typography: {
      fontFamily: FONT_STACK,
      fontSize: 13,
      h5: { fontSize: '1.35rem', fontWeight: 600 },
      h6: { fontSize: '1.05rem', fontWeight: 600 },
      subtitle1: { fontSize: '0.95rem', fontWeight: 600 },
      subtitle2: { fontWeight: 600 },
      button: { textTransform: 'none', fontWeight: 500 },
    },
    components: {
      MuiCssBaseline: {
        styleOverrides: { body: { WebkitFontSmoothing: 'antialiased' }, 'code, kbd, .mono': { fontFamily: MONO_STACK } },
      },
      MuiButton: { defaultProps: { size: 'small', disableElevation: true } },
      MuiIconButton: { defaultProps: { size: 'small' } },
      MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
      MuiFormControl: { defaultProps: { size: 'small' } },
      MuiSelect: { defaultProps: { size: 'small' } },
      MuiTable: { defaultProps: { size: 'small' } },
      MuiTableCell: {
        styleOverrides: {
          head: { fontWeight: 600, whiteSpace: 'nowrap', color: light ? '#5a6675' : '#9aa5b4' },
          root: { paddingTop: 6, paddingBottom: 6 },
        },
      },
      MuiChip: { defaultProps: { size: 'small' } },
      MuiTooltip: { defaultProps: { arrow: true } },
      MuiPaper: { styleOverrides: { rounded: { borderRadius: 8 } } },
      MuiAppBar: { defaultProps: { elevation: 0, color: 'default' } },
      MuiDialog: { defaultProps: { fullWidth: true, maxWidth: 'xs' } },
      MuiMenuItem: { defaultProps: { dense: true } },
      MuiListItemButton: { defaultProps: { dense: true } },
      MuiAlert: { styleOverrides: { root: { alignItems: 'flex-start' } } },
    },
  });
}

import { Check, Translate } from '@mui/icons-material';
import { Button, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n';

interface Props {
  language: Language;
  onChange(language: Language): void;
}

/** A button naming the current language; its menu lists each language in its own script. */
export function LanguageSwitch({ language, onChange }: Props) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button
        color="inherit"
        startIcon={<Translate fontSize="small" />}
        aria-label={t('language.switch')}
        aria-haspopup="menu"
        onClick={(e) => setAnchor(e.currentTarget)}
      >
        {t(`language.${language}`)}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {LANGUAGES.map((l) => (
          <MenuItem
            key={l}
            selected={l === language}
            lang={l}
            onClick={() => {
              setAnchor(null);
              onChange(l);
            }}
          >
            <ListItemIcon>{l === language && <Check fontSize="small" />}</ListItemIcon>
            <ListItemText>{t(`language.${l}`)}</ListItemText>
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

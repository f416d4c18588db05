import { SaveOutlined, SkipNextOutlined } from '@mui/icons-material';
import { Box, Button, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

interface Props {
  /** the save may be asked for (a call on the line, a result chosen, nothing in the notes stopping it) */
  canSave: boolean;
  saving: boolean;
  /** the case number of the queue's next case; null: none follows */
  nextCaseNo: string | null;
  /** why nothing can be saved yet, or what stops it (shown at the left) */
  note: { text: string; error?: boolean } | null;
  onSave(): void;
  onSaveNext(): void;
}

function Keys({ children }: { children: string }) {
  return (
    <Box component="kbd" sx={{ fontSize: 11, px: 0.5, border: 1, borderColor: 'divider', borderRadius: 0.75, fontFamily: 'inherit' }}>
      {children}
    </Box>
  );
}

/** The call panel's foot, always in view and never over a field: Save, and Save and next (the queue's next case). */
export function CallActions({ canSave, saving, nextCaseNo, note, onSave, onSaveNext }: Props) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={1} data-testid="call-actions" sx={{ alignItems: 'center', px: 1.5, py: 1, borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper', flexShrink: 0 }}>
      <Typography variant="caption" color={note?.error ? 'error' : 'textSecondary'} sx={{ flex: 1, minWidth: 0, lineHeight: 1.4, whiteSpace: note ? 'normal' : 'nowrap' }}>
        {note ? (
          note.text
        ) : (
          <span title={`Ctrl+Enter: ${t('wb.actions.saveKey')} · Ctrl+Shift+Enter: ${t('wb.actions.saveNextKey')}`}>
            <Keys>Ctrl+Enter</Keys> / <Keys>Ctrl+Shift+Enter</Keys>
          </span>
        )}
      </Typography>
      <Tooltip title="Ctrl+Enter">
        <span>
          <Button variant="outlined" startIcon={<SaveOutlined />} disabled={!canSave || saving} onClick={onSave} aria-keyshortcuts="Control+Enter" sx={{ whiteSpace: 'nowrap' }}>
            {saving ? t('wb.outcome.saving') : t('common.save')}
          </Button>
        </span>
      </Tooltip>
      <Tooltip title={nextCaseNo ? `${t('case.nextCaseIs', { caseNo: nextCaseNo })} · Ctrl+Shift+Enter` : t('case.noNextCase')}>
        <span>
          <Button variant="contained" endIcon={<SkipNextOutlined />} disabled={!canSave || saving || !nextCaseNo} onClick={onSaveNext} aria-keyshortcuts="Control+Shift+Enter" sx={{ whiteSpace: 'nowrap' }}>
            {t('wb.actions.saveNext')}
          </Button>
        </span>
      </Tooltip>
    </Stack>
  );
}

import { CloseOutlined, DescriptionOutlined, FolderOpenOutlined } from '@mui/icons-material';
import { Box, Button, Chip, IconButton, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../shared/contract/intake';
import type { ImportKind } from '../../../shared/profile/schema';
import type { StagedFile } from '../api/files';
import { useApp } from '../app/AppContext';
import { formatBytes } from './intakeText';

interface Props {
  clients: ClientSummary[];
  clientCode: string;
  kind: ImportKind | '';
  /** the chosen file; once there, the actions below the line replace the button */
  file: StagedFile | null;
  /** the file dialog or an import is under way: nothing here may change */
  busy: boolean;
  onClient(code: string): void;
  onKind(kind: ImportKind): void;
  onChoose(): void;
  /** lets go of the chosen file without importing it (absent once it is imported) */
  onDiscard?: () => void;
}

/** The first line of an import: which bank, which kind of file, and the file itself (name and size). */
export function FileChooser({ clients, clientCode, kind, file, busy, onClient, onKind, onChoose, onDiscard }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const client = clients.find((c) => c.code === clientCode);
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1.5 }}>
      <TextField select label={t('intake.client')} value={clientCode} onChange={(e) => onClient(e.target.value)} disabled={busy} sx={{ width: 240 }}>
        {clients.map((c) => (
          <MenuItem key={c.code} value={c.code}>
            {c.name}
            <Typography component="span" variant="caption" color="textSecondary" className="mono" sx={{ ml: 1 }}>
              {c.code}
            </Typography>
          </MenuItem>
        ))}
      </TextField>
      <TextField select label={t('intake.kind')} value={kind} onChange={(e) => onKind(e.target.value as ImportKind)} disabled={busy || !client} sx={{ width: 180 }}>
        {(client?.kinds ?? []).map((k) => (
          <MenuItem key={k} value={k}>
            {t(`intake.kinds.${k}`)}
          </MenuItem>
        ))}
      </TextField>
      {!file && (
        <Button variant="contained" startIcon={<FolderOpenOutlined />} onClick={onChoose} disabled={busy || !client || !kind}>
          {t('intake.chooseFile')}
        </Button>
      )}
      {file && (
        <Chip
          data-testid="chosen-file"
          variant="outlined"
          icon={<DescriptionOutlined />}
          title={file.name}
          label={
            <>
              <Box component="span" sx={{ fontWeight: 500 }}>
                {file.name}
              </Box>
              <Box component="span" sx={{ color: 'text.secondary', ml: 1 }}>
                {formatBytes(file.size, prefs.language)}
              </Box>
            </>
          }
          sx={{ height: 30, maxWidth: 520, '& .MuiChip-label': { overflow: 'hidden', textOverflow: 'ellipsis' } }}
        />
      )}
      {file && onDiscard && (
        <Tooltip title={t('intake.discard')}>
          <IconButton aria-label={t('intake.discard')} onClick={onDiscard} sx={{ ml: '4px !important' }}>
            <CloseOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
      )}
      <Box sx={{ flex: 1 }} />
    </Stack>
  );
}

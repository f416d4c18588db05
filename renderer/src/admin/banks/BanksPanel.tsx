import { EditOutlined, NoteAddOutlined, Refresh, UploadFileOutlined } from '@mui/icons-material';
import { Alert, Box, Button, Chip, IconButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankRow } from '../../../../shared/contract/banks';
import { api } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { useNotify } from '../../components/Notifier';
import { formatDateTime, formatFen } from '../../format';
import { BankSettingsDialog } from './BankSettingsDialog';
import { ProfileDialog } from './ProfileDialog';
import { percentText } from './settingsForm';

const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** Admin → Banks: the registered banks with their settings; register or replace from a profile file; edit settings. */
export function BanksPanel() {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const notify = useNotify();
  const [banks, setBanks] = useState<BankRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [profileFor, setProfileFor] = useState<'add' | BankRow | null>(null);
  const [editing, setEditing] = useState<BankRow | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setBanks(await api.call('banks.list', {}));
    } catch (err) {
      setError(errorText(err, t, prefs.language));
    }
  }, [t, prefs.language]);

  useEffect(() => {
    void load();
  }, [load]);

  const retention = (b: BankRow) => (b.retentionDays === null ? t('banks.daysDefault', { n: b.retentionDefaultDays }) : t('banks.days', { n: b.retentionDays }));
  const number = (n: number) => new Intl.NumberFormat(prefs.language).format(n);

  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', p: 2, borderBottom: 1, borderColor: 'divider' }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="subtitle2" component="h2">{t('banks.title')}</Typography>
          <Typography variant="body2" color="textSecondary" sx={{ lineHeight: 1.6, mt: 0.5, maxWidth: 860 }}>{t('banks.explain')}</Typography>
        </Box>
        <Tooltip title={t('common.refresh')}>
          <IconButton aria-label={t('common.refresh')} onClick={() => void load()}>
            <Refresh fontSize="small" />
          </IconButton>
        </Tooltip>
        <Button variant="contained" startIcon={<NoteAddOutlined />} onClick={() => setProfileFor('add')} sx={{ flex: 'none' }}>
          {t('banks.register')}
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" sx={{ m: 2 }} action={<Button color="inherit" size="small" onClick={() => void load()}>{t('common.retry')}</Button>}>
          {error}
        </Alert>
      )}
      {banks && banks.length === 0 && <Typography variant="body2" color="textSecondary" sx={{ p: 2 }}>{t('banks.empty')}</Typography>}
      {banks && banks.length > 0 && (
        <Box sx={{ overflowX: 'auto' }}>
          <Table aria-label={t('banks.tableLabel')} sx={{ '& td, & th': { px: 1.5 }, '& th': { whiteSpace: 'nowrap' } }}>
            <TableHead>
              <TableRow>
                <TableCell>{t('banks.col.name')}</TableCell>
                <TableCell>{t('banks.col.rulePack')}</TableCell>
                <TableCell sx={NUM}>{t('banks.col.cases')}</TableCell>
                <TableCell sx={NUM}>{t('banks.col.commission')}</TableCell>
                <TableCell sx={NUM}>{t('banks.col.waiverLimit')}</TableCell>
                <TableCell sx={NUM}>{t('banks.col.retention')}</TableCell>
                <TableCell>{t('banks.col.sync')}</TableCell>
                <TableCell>{t('banks.col.secret')}</TableCell>
                <TableCell>{t('banks.col.updatedAt')}</TableCell>
                <TableCell sx={{ width: '1%', whiteSpace: 'nowrap' }}>{t('banks.col.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {banks.map((b) => (
                <TableRow key={b.code} hover data-bank={b.code}>
                  <TableCell sx={{ minWidth: 180 }}>
                    <Box sx={{ fontWeight: 500 }}>{b.name}</Box>
                    <Typography variant="caption" color="textSecondary" className="mono">{b.code}</Typography>
                  </TableCell>
                  <TableCell className="mono" sx={{ whiteSpace: 'nowrap' }}>{b.rulePack}</TableCell>
                  <TableCell sx={NUM}>{number(b.cases)}</TableCell>
                  <TableCell sx={NUM}>{b.commission ? `${percentText(b.commission.defaultRate)}%` : t('banks.noCommission')}</TableCell>
                  <TableCell sx={NUM} data-testid="waiver-limit">{b.waiverLimitFen === null ? t('banks.noLimit') : `${formatFen(b.waiverLimitFen)} 元`}</TableCell>
                  <TableCell sx={NUM}>{retention(b)}</TableCell>
                  <TableCell>
                    <Chip size="small" variant="outlined" color={b.syncOn ? 'success' : 'default'} label={b.syncOn ? t('banks.syncOn') : t('banks.syncOff')} />
                  </TableCell>
                  <TableCell data-testid="secret-cell">{b.secretSet ? t('banks.secretSet') : t('banks.secretNotSet')}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(b.updatedAt, prefs.language)}</TableCell>
                  <TableCell sx={{ py: 0, whiteSpace: 'nowrap' }}>
                    <Button startIcon={<EditOutlined />} aria-label={t('banks.editLabel', { name: b.name })} onClick={() => setEditing(b)}>{t('banks.edit')}</Button>
                    <Tooltip title={t('banks.replace')}>
                      <IconButton aria-label={t('banks.replaceLabel', { name: b.name })} onClick={() => setProfileFor(b)} sx={{ color: 'primary.main' }}>
                        <UploadFileOutlined fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {profileFor && (
        <ProfileDialog
          target={profileFor}
          onClose={() => setProfileFor(null)}
          onSaved={(row, mode) => {
            setProfileFor(null);
            notify(t(mode === 'add' ? 'banks.registered' : 'banks.replaced', { name: row.name }));
            void load();
          }}
        />
      )}
      {editing && (
        <BankSettingsDialog
          bank={editing}
          onClose={() => setEditing(null)}
          onSaved={(row) => {
            setEditing(null);
            notify(t('banks.updated', { name: row.name }));
            void load();
          }}
        />
      )}
    </Box>
  );
}

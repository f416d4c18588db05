import { BlockOutlined, EditOutlined, KeyOutlined, LockClockOutlined, PersonAddAltOutlined } from '@mui/icons-material';
import { Chip, IconButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../shared/contract/schemas';
import { formatDateTime } from '../format';
import type { Language } from '../i18n';

interface Props {
  users: UserRow[];
  meId: string;
  language: Language;
  now: number;
  onReset(user: UserRow): void;
  onEdit(user: UserRow): void;
  onToggleDisabled(user: UserRow): void;
}

/** Users with their role, status and lock; actions per row. */
export function UsersTable({ users, meId, language, now, onReset, onEdit, onToggleDisabled }: Props) {
  const { t } = useTranslation();
  return (
    <Table aria-label={t('admin.tabs.users')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('fields.name')}</TableCell>
          <TableCell>{t('fields.displayName')}</TableCell>
          <TableCell>{t('users.staffNo')}</TableCell>
          <TableCell>{t('fields.role')}</TableCell>
          <TableCell>{t('users.status')}</TableCell>
          <TableCell>{t('users.lockedUntil')}</TableCell>
          <TableCell>{t('users.createdAt')}</TableCell>
          <TableCell align="right">{t('users.actions')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {users.map((u) => {
          const locked = u.lockedUntil !== null && Date.parse(u.lockedUntil) > now;
          const me = u.id === meId;
          return (
            <TableRow key={u.id} hover sx={u.disabled ? { '& td': { color: 'text.disabled' } } : undefined}>
              <TableCell className="mono">{u.name}</TableCell>
              <TableCell>
                {u.displayName}
                {me && (
                  <Typography component="span" variant="caption" color="textSecondary">
                    {' '}
                    {t('users.you')}
                  </Typography>
                )}
              </TableCell>
              <TableCell className="mono">{u.staffNo ?? <span aria-label={t('common.absent')}>—</span>}</TableCell>
              <TableCell>{t(`roles.${u.role}`)}</TableCell>
              <TableCell>
                {u.disabled ? (
                  <Chip label={t('users.disabled')} variant="outlined" sx={{ height: 20 }} />
                ) : (
                  <Chip label={t('users.active')} color="success" variant="outlined" sx={{ height: 20 }} />
                )}
              </TableCell>
              <TableCell>
                {locked ? (
                  <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: 'warning.main' }}>
                    <LockClockOutlined sx={{ fontSize: 16 }} />
                    <span>{formatDateTime(u.lockedUntil, language)}</span>
                  </Stack>
                ) : (
                  <span aria-label={t('common.absent')}>—</span>
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(u.createdAt, language)}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap', py: 0 }}>
                <Tooltip title={t('users.edit')}>
                  <IconButton aria-label={t('users.editFor', { name: u.name })} onClick={() => onEdit(u)}>
                    <EditOutlined fontSize="small" />
                  </IconButton>
                </Tooltip>
                <Tooltip title={t('users.reset')}>
                  <IconButton aria-label={t('users.resetFor', { name: u.name })} onClick={() => onReset(u)}>
                    <KeyOutlined fontSize="small" />
                  </IconButton>
                </Tooltip>
                <Tooltip title={me ? t('users.cannotDisableSelf') : u.disabled ? t('users.enable') : t('users.disable')}>
                  <span>
                    <IconButton
                      aria-label={t(u.disabled ? 'users.enableFor' : 'users.disableFor', { name: u.name })}
                      disabled={me}
                      onClick={() => onToggleDisabled(u)}
                      color={u.disabled ? 'success' : 'default'}
                    >
                      {u.disabled ? <PersonAddAltOutlined fontSize="small" /> : <BlockOutlined fontSize="small" />}
                    </IconButton>
                  </span>
                </Tooltip>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

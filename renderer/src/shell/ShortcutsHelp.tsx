import { Box, Dialog, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts';

function Key({ children }: { children: string }) {
  return (
    <Box
      component="kbd"
      sx={{ display: 'inline-block', minWidth: 22, px: 0.75, py: 0.1, border: 1, borderColor: 'divider', borderBottomWidth: 2, borderRadius: 1, fontSize: 12, textAlign: 'center', bgcolor: 'action.hover' }}
    >
      {children}
    </Box>
  );
}

/** The help overlay (`?`): every keyboard shortcut of the shell. */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" aria-labelledby="shortcuts-title">
      <DialogTitle id="shortcuts-title">{t('shortcuts.title')}</DialogTitle>
      <DialogContent>
        <Table aria-labelledby="shortcuts-title">
          <TableBody>
            {SHORTCUTS.map((s) => (
              <TableRow key={`${s.label}:${s.keys.join()}`} sx={{ '&:last-child td': { border: 0 } }}>
                <TableCell sx={{ whiteSpace: 'nowrap', width: 120 }}>
                  {s.keys.map((k, i) => (
                    <Fragment key={k}>
                      {i > 0 && (s.either ? ' / ' : ' + ')}
                      <Key>{k}</Key>
                    </Fragment>
                  ))}
                </TableCell>
                <TableCell>{t(s.label)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
    </Dialog>
  );
}

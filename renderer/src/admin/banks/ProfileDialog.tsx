import { DescriptionOutlined, FolderOpenOutlined, ScienceOutlined } from '@mui/icons-material';
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Divider, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankRow, ProfileTrial } from '../../../../shared/contract/banks';
import type { ProfileIssue } from '../../../../shared/profile/schema';
import type { ImportKind } from '../../../../shared/profile/schema';
import { api } from '../../api/client';
import { chooseFile, type StagedFile } from '../../api/files';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { FILE_EXTENSIONS, failureText, toFailure } from '../../import/intakeText';
import { ProfileProblems } from './ProfileProblems';
import { ProfileTrialView } from './ProfileTrialView';
import { profileFileName, profileFileText, profileProblems } from './profileText';

interface Props {
  /** `add`: register a new bank; a bank: replace its profile */
  target: 'add' | BankRow;
  onClose(): void;
  onSaved(row: BankRow, mode: 'add' | 'update'): void;
}

type Problem = { problems: ProfileIssue[]; file?: string } | { text: string };

const KINDS: ImportKind[] = ['placement', 'payments', 'recalls'];

/**
 * Register a bank from its profile file (or replace a bank's profile): choose the file, optionally try it on one of the
 * bank's files (nothing written), then save. A refused profile lists each problem by its key.
 */
export function ProfileDialog({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const mode = target === 'add' ? 'add' : 'update';
  const [profile, setProfile] = useState<StagedFile | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState<'choose' | 'save' | 'try' | null>(null);
  const [kind, setKind] = useState<ImportKind>('placement');
  const [trial, setTrial] = useState<{ result: ProfileTrial; sample: string } | null>(null);

  const explain = (err: unknown): Problem => {
    const problems = profileProblems(err);
    if (problems) return { problems, file: profileFileName(err) };
    return { text: profileFileText(t, err) ?? errorText(err, t, prefs.language) };
  };

  function discard(file: StagedFile | null) {
    if (file) void api.call('import.discard', { fileRef: file.fileRef }).catch(() => undefined);
  }

  async function chooseProfile() {
    setBusy('choose');
    try {
      const chosen = await chooseFile(['json'], t('banks.profile.choose'));
      if (chosen) {
        discard(profile);
        setProfile(chosen);
        setProblem(null);
        setTrial(null);
      }
    } catch (err) {
      setProblem({ text: errorText(err, t, prefs.language) });
    } finally {
      setBusy(null);
    }
  }

  async function trySample() {
    if (!profile) return;
    setBusy('try');
    let sample: StagedFile | null = null;
    try {
      sample = await chooseFile(FILE_EXTENSIONS, t('banks.trial.choose'));
      if (!sample) return;
      setProblem(null);
      setTrial({ result: await api.call('banks.tryProfile', { profileRef: profile.fileRef, sampleRef: sample.fileRef, kind }), sample: sample.name });
    } catch (err) {
      setTrial(null);
      const p = profileProblems(err) || profileFileText(t, err) ? explain(err) : { text: failureText(t, toFailure(err)) };
      setProblem(p);
    } finally {
      discard(sample);
      setBusy(null);
    }
  }

  async function save() {
    if (!profile) return;
    setBusy('save');
    try {
      const row = await api.call('banks.register', { fileRef: profile.fileRef, mode, ...(target === 'add' ? {} : { code: target.code }) });
      onSaved(row, mode);
    } catch (err) {
      setProblem(explain(err));
      // The core let go of the file: the corrected one is chosen again.
      setProfile(null);
      setTrial(null);
    } finally {
      setBusy(null);
    }
  }

  function close() {
    discard(profile);
    onClose();
  }

  const title = target === 'add' ? t('banks.profile.registerTitle') : t('banks.profile.replaceTitle', { name: target.name });
  return (
    <Dialog open onClose={close} maxWidth="lg" fullWidth aria-labelledby="profile-dialog-title">
      <DialogTitle id="profile-dialog-title">{title}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <Typography variant="body2" color="textSecondary">{t('banks.profile.hint')}</Typography>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          <Button variant={profile ? 'outlined' : 'contained'} startIcon={<FolderOpenOutlined />} disabled={busy !== null} onClick={() => void chooseProfile()}>
            {profile ? t('banks.profile.chooseAnother') : t('banks.profile.choose')}
          </Button>
          {profile && <Chip data-testid="profile-file" variant="outlined" icon={<DescriptionOutlined />} label={profile.name} aria-label={`${t('banks.profile.file')}: ${profile.name}`} />}
        </Stack>
        {problem && ('problems' in problem ? <ProfileProblems problems={problem.problems} file={problem.file} /> : <Alert severity="error">{problem.text}</Alert>)}
        {profile && (
          <Box component="section" aria-label={t('banks.trial.title')} sx={{ display: 'grid', gap: 1.25 }}>
            <Divider />
            <Typography variant="subtitle2" component="h2">{t('banks.trial.title')}</Typography>
            <Typography variant="body2" color="textSecondary">{t('banks.trial.explain')}</Typography>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
              <TextField select label={t('banks.trial.kind')} value={kind} onChange={(e) => setKind(e.target.value as ImportKind)} disabled={busy !== null} sx={{ width: 180 }}>
                {KINDS.map((k) => (
                  <MenuItem key={k} value={k}>{t(`intake.kinds.${k}`)}</MenuItem>
                ))}
              </TextField>
              <Button variant="outlined" startIcon={<ScienceOutlined />} disabled={busy !== null} onClick={() => void trySample()}>
                {busy === 'try' ? t('banks.trial.trying') : t('banks.trial.choose')}
              </Button>
            </Stack>
            {trial && <ProfileTrialView trial={trial.result} sample={trial.sample} />}
          </Box>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={close}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={!profile || busy !== null} onClick={() => void save()}>
          {busy === 'save' ? t('banks.profile.saving') : mode === 'add' ? t('banks.profile.save') : t('banks.profile.saveReplace')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

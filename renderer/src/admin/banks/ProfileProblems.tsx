import { Alert, AlertTitle, Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ProfileIssue } from '../../../../shared/profile/schema';
import { useApp } from '../../app/AppContext';
import { issueText } from './profileText';

/** A refused profile: each problem by the key it is at (as written in the file) and what is wrong there. */
export function ProfileProblems({ problems, file }: { problems: ProfileIssue[]; file?: string }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  return (
    <Alert severity="error" data-testid="profile-problems">
      <AlertTitle sx={{ fontSize: 14 }}>{t('banks.profile.problemsTitle', { count: problems.length, file: file ?? t('banks.profile.file') })}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5, '& li': { mb: 0.25 } }}>
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`}>
            <Box component="code" className="mono" sx={{ fontSize: 12.5, px: 0.5, bgcolor: 'action.hover', borderRadius: 0.5 }}>
              {p.path || t('banks.profile.topLevel')}
            </Box>
            {prefs.language === 'zh-CN' ? '：' : ': '}
            {issueText(t, p, prefs.language)}
          </li>
        ))}
      </Box>
    </Alert>
  );
}

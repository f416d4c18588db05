import { Box } from '@mui/material';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListRow, SessionUser } from '../../../shared/contract/schemas';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { useNotify } from '../components/Notifier';
import { AdminScreen } from '../admin/AdminScreen';
import { ImportScreen } from '../import/ImportScreen';
import { ApprovalsScreen } from '../lead/approvals/ApprovalsScreen';
import { ReviewScreen } from '../lead/review/ReviewScreen';
import { ScreenActive } from './screenActive';
import { AssignmentScreen } from '../lead/assignment/AssignmentScreen';
import { DashboardScreen } from '../lead/dashboard/DashboardScreen';
import { ReturnsScreen } from '../returns/ReturnsScreen';
import { ComingSoon } from '../screens/ComingSoon';
import { CaseWorkbench } from '../workbench/case/CaseWorkbench';
import { QueueScreen } from '../workbench/queue/QueueScreen';
import { toQuery, useQueueState } from '../workbench/queue/queueState';
import { forgetUser, getPlace, rememberPlace } from '../workbench/workMemory';
import { AppTopBar } from './AppTopBar';
import { HubSyncProvider } from './hub/HubSyncContext';
import { RevokedBanner } from './hub/SyncIndicator';
import { Navigation } from './Navigation';
import { visibleItems, type ScreenKey } from './navItems';
import { useShortcuts } from './shortcuts';
import { ShortcutsHelp } from './ShortcutsHelp';
import { StatusBar } from './StatusBar';
import type { BatchToAssign } from '../lead/assignment/assignForm';

/** The screens that stay alive behind a case opened from them. */
const KEPT_BEHIND_CASE: ReadonlySet<ScreenKey> = new Set<ScreenKey>(['dashboard', 'myFigures', 'approvals', 'review']);

/**
 * A kept screen out of sight: it keeps its width (main's, inside its 24px padding; a chart measured at zero width
 * draws negative sizes), takes no room, and nothing in it can be seen, reached by Tab or clicked.
 */
const OUT_OF_SIGHT = { position: 'absolute', top: 0, left: 24, right: 24, height: 0, overflow: 'hidden', visibility: 'hidden' } as const;

/** The signed-in frame: app bar, left navigation, the current screen, the status bar, the help overlay. */
export function Shell({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { prefs, refresh, setStatus } = useApp();
  const notify = useNotify();
  // After an idle lock the same user comes back to where they were (the case, the queue's filters and page).
  const [place] = useState(() => getPlace(user.id));
  const [screen, setScreen] = useState<ScreenKey>(place?.screen ?? 'queue');
  const [help, setHelp] = useState(false);
  const [searchRequest, setSearchRequest] = useState(0);
  const [openCase, setOpenCase] = useState<Pick<CaseListRow, 'id'> | null>(place?.caseId ? { id: place.caseId } : null);
  // The screen a case was opened from (the queue, or a lead's dashboard or approvals): where “back” returns.
  const [caseFrom, setCaseFrom] = useState<ScreenKey>('queue');
  const openCaseFrom = (from: ScreenKey) => (caseId: string) => {
    setOpenCase({ id: caseId });
    setQueuePage([]);
    setCaseFrom(from);
    setScreen('case');
  };
  // The queue page the case was opened from: the case screen's next case is the row after it.
  const [queuePage, setQueuePage] = useState<CaseListRow[]>(place?.queuePage ?? []);
  // A batch just imported, to assign: the assignment screen opens on its unassigned cases (once).
  const [assignBatch, setAssignBatch] = useState<BatchToAssign | null>(null);
  const go = (key: ScreenKey) => {
    setAssignBatch(null);
    setScreen(key);
  };
  const queue = useQueueState(place?.queue);
  const items = visibleItems(user.role);
  useEffect(() => {
    rememberPlace(user.id, { screen: screen === 'case' ? 'case' : 'queue', caseId: openCase?.id ?? null, queue: queue.state, queuePage });
  }, [user.id, screen, openCase, queue.state, queuePage]);

  useShortcuts({
    help: () => setHelp(true),
    search: () => {
      setScreen('queue');
      setSearchRequest((n) => n + 1);
    },
    go: (index) => {
      const item = items[index];
      if (item) go(item.key);
    },
  });

  async function signOut() {
    forgetUser(user.id);
    try {
      await api.call('auth.signOut', {});
    } catch (err) {
      notify(errorText(err, t, prefs.language), 'error');
    }
    await refresh();
  }

  async function lock() {
    try {
      setStatus(await api.call('app.lock', {}));
    } catch (err) {
      notify(errorText(err, t, prefs.language), 'error');
    }
  }

  /** The content of a screen other than the case. */
  const screenContent = (key: ScreenKey) => {
    if (key === 'queue') {
      return (
        <QueueScreen
          user={user}
          store={queue}
          searchRequest={searchRequest}
          onOpen={(row, page) => {
            setOpenCase(row);
            setQueuePage(page);
            setCaseFrom('queue');
            setScreen('case');
          }}
        />
      );
    }
    if (key === 'admin' && user.role === 'admin') return <AdminScreen user={user} />;
    if (key === 'import' && user.role !== 'collector') {
      return (
        <ImportScreen
          user={user}
          onAssign={(batch) => {
            setAssignBatch(batch);
            setScreen('assignment');
          }}
        />
      );
    }
    if (key === 'dashboard' || key === 'myFigures') return <DashboardScreen user={user} onOpenCase={openCaseFrom(key)} />;
    if (key === 'assignment' && user.role !== 'collector') return <AssignmentScreen key={assignBatch?.batchId ?? ''} user={user} batch={assignBatch} />;
    if (key === 'approvals' && user.role !== 'collector') return <ApprovalsScreen user={user} onOpenCase={openCaseFrom('approvals')} />;
    if (key === 'review' && user.role !== 'collector') return <ReviewScreen onOpenCase={openCaseFrom('review')} />;
    if (key === 'returns' && user.role !== 'collector') return <ReturnsScreen />;
    return <ComingSoon screen={key} />;
  };

  let caseScreen = null;
  if (screen === 'case') {
    const at = openCase ? queuePage.findIndex((r) => r.id === openCase.id) : -1;
    // The next case of the queue as the collector last saw it (same search, filters, order): the next row of the
    // page, or the first of the next page when this was the page's last.
    const next = at >= 0 ? queuePage[at + 1] : undefined;
    const lastOfFullPage = at >= 0 && at === queuePage.length - 1 && queuePage.length === queue.state.pageSize;
    const openNext = next
      ? () => {
          setOpenCase(next);
          queue.update({ selectedId: next.id });
        }
      : lastOfFullPage
        ? () => {
            const page = queue.state.page + 1;
            api.call('cases.list', toQuery({ ...queue.state, page })).then(
              (r) => {
                const first = r.rows[0];
                if (!first) return;
                setQueuePage(r.rows);
                setOpenCase(first);
                queue.update({ page, selectedId: first.id });
              },
              (err: unknown) => notify(errorText(err, t, prefs.language), 'error'),
            );
          }
        : undefined;
    const backLabel = caseFrom === 'queue' ? t('case.backToQueue') : t('case.backTo', { screen: t(`nav.${caseFrom}`) });
    caseScreen = <CaseWorkbench caseId={openCase?.id ?? null} onBack={() => setScreen(caseFrom)} backLabel={backLabel} onNext={openNext} nextCaseNo={next?.caseNo ?? (lastOfFullPage ? t('case.nextPage') : undefined)} />;
  }
  // A lead's screen a case was opened from stays alive out of sight (its filters, grouping, open list), so that
  // “back” returns to it as it was; the queue keeps its state in its store (and its keys must not act behind a case).
  const underneath = screen === 'case' ? caseFrom : screen;
  const kept = KEPT_BEHIND_CASE.has(underneath);
  const content = (
    <>
      {kept ? (
        <Box key={underneath} sx={screen === 'case' ? OUT_OF_SIGHT : { display: 'contents' }}>
          <ScreenActive.Provider value={screen !== 'case'}>{screenContent(underneath)}</ScreenActive.Provider>
        </Box>
      ) : (
        screen !== 'case' && <Fragment key={screen}>{screenContent(screen)}</Fragment>
      )}
      {caseScreen}
    </>
  );

  return (
    <HubSyncProvider>
      <Box sx={{ height: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
        <AppTopBar user={user} onHelp={() => setHelp(true)} onSignOut={() => void signOut()} onLock={() => void lock()} />
        <RevokedBanner />
        <Box sx={{ flex: 1, display: 'flex', minHeight: 0 }}>
          <Navigation role={user.role} current={screen} onSelect={go} />
          <Box component="main" sx={{ flex: 1, minWidth: 0, overflow: 'auto', px: 3, py: 2.5, position: 'relative' }}>
            {content}
          </Box>
        </Box>
        <StatusBar />
        <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
      </Box>
    </HubSyncProvider>
  );
}

import {
  AdminPanelSettingsOutlined,
  AssignmentIndOutlined,
  FactCheckOutlined,
  FolderSharedOutlined,
  InsightsOutlined,
  PlaylistAddCheckOutlined,
  QueryStatsOutlined,
  RuleOutlined,
  SyncAltOutlined,
  UploadFileOutlined,
} from '@mui/icons-material';
import type { ReactElement } from 'react';
import type { ScreenKey } from './navItems';

export const NAV_ICONS: Record<ScreenKey, ReactElement> = {
  queue: <PlaylistAddCheckOutlined />,
  case: <FolderSharedOutlined />,
  myFigures: <QueryStatsOutlined />,
  import: <UploadFileOutlined />,
  assignment: <AssignmentIndOutlined />,
  approvals: <FactCheckOutlined />,
  review: <RuleOutlined />,
  dashboard: <InsightsOutlined />,
  returns: <SyncAltOutlined />,
  admin: <AdminPanelSettingsOutlined />,
};

import {
  AdminPanelSettingsOutlined,
  AssignmentIndOutlined,
  FolderSharedOutlined,
  InsightsOutlined,
  PlaylistAddCheckOutlined,
  SyncAltOutlined,
  UploadFileOutlined,
} from '@mui/icons-material';
import type { ReactElement } from 'react';
import type { ScreenKey } from './navItems';

export const NAV_ICONS: Record<ScreenKey, ReactElement> = {
  queue: <PlaylistAddCheckOutlined />,
  case: <FolderSharedOutlined />,
  import: <UploadFileOutlined />,
  assignment: <AssignmentIndOutlined />,
  dashboard: <InsightsOutlined />,
  returns: <SyncAltOutlined />,
  admin: <AdminPanelSettingsOutlined />,
};

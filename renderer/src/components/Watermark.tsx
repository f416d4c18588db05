import { Box } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/contract/schemas';
import { formatDateTime } from '../format';

function svgTile(text: string, dark: boolean): string {
  const fill = dark ? 'rgba(255,255,255,0.045)' : 'rgba(0,0,0,0.045)';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="200"><text x="20" y="120" transform="rotate(-20 180 100)" font-family="sans-serif" font-size="15" fill="${fill}">${text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')}</text></svg>`;
  return `url("data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}")`;
}

/**
 * A faint watermark with the signed-in user and the time over every screen that shows personal data: a photo of the
 * screen names its taker. It never takes a click.
 */
export function Watermark({ user, dark }: { user: SessionUser; dark: boolean }) {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(t);
  }, []);
  const stamp = formatDateTime(now.toISOString(), i18n.language === 'en' ? 'en' : 'zh-CN');
  const image = useMemo(() => svgTile(`${user.displayName} · ${user.name} · ${stamp}`, dark), [user, stamp, dark]);
  return <Box aria-hidden data-testid="watermark" sx={{ position: 'fixed', inset: 0, pointerEvents: 'none', zIndex: 2000, backgroundImage: image, backgroundRepeat: 'repeat' }} />;
}

const STORAGE_KEY = 'collectdesk.token';

/**
 * Browser mode: the web host prints a URL with `#token=…`. Keep the token for this tab in sessionStorage
 * and take it out of the address bar (and so out of history, bookmarks and screenshots).
 */
export function captureToken(): string | null {
  const hash = window.location.hash.startsWith('#') ? window.location.hash.slice(1) : '';
  const params = new URLSearchParams(hash);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    const clean = `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`;
    window.history.replaceState(window.history.state, '', clean);
  }
  return sessionStorage.getItem(STORAGE_KEY);
}

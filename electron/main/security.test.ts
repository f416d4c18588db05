import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../web/security';
import { hardenSession, hardenWebContents, isAppUrl, isTrustedSender, windowOptions } from './security';

const APP_URL = 'file:///opt/CollectDesk/resources/app.asar/dist/renderer/index.html';

describe('windowOptions', () => {
  it('hardens the renderer as DESIGN.md says', () => {
    const prefs = windowOptions('/app/dist-electron/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('opens developer tools only when asked (development builds)', () => {
    expect(windowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const s = {
      headers: undefined as undefined | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void),
      request: undefined as undefined | ((wc: null, permission: string, cb: (granted: boolean) => void) => void),
      check: undefined as undefined | ((...args: unknown[]) => boolean),
      device: undefined as undefined | ((...args: unknown[]) => boolean),
    };
    const session = {
      webRequest: { onHeadersReceived: (l: typeof s.headers) => (s.headers = l) },
      setPermissionRequestHandler: (h: typeof s.request) => (s.request = h),
      setPermissionCheckHandler: (h: typeof s.check) => (s.check = h),
      setDevicePermissionHandler: (h: typeof s.device) => (s.device = h),
    };
    hardenSession(session as unknown as Session);
    return s;
  }

  it('adds the Content-Security-Policy header to every response, keeping the others', () => {
    const s = fakeSession();
    const cb = vi.fn();
    s.headers?.({ responseHeaders: { 'X-Other': ['1'] } }, cb);
    expect(cb).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  it('denies every permission request and check', () => {
    const s = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      s.request?.(null, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(s.check?.(null, permission, 'file://', {})).toBe(false);
    }
    expect(s.device?.({ deviceType: 'usb' })).toBe(false);
  });
});

describe('hardenWebContents', () => {
  function fakeWebContents() {
    const wc = Object.assign(new EventEmitter(), { openHandler: undefined as undefined | ((d: { url: string }) => { action: string }) });
    const api = Object.assign(wc, { setWindowOpenHandler: (h: typeof wc.openHandler) => (wc.openHandler = h) });
    hardenWebContents(api as unknown as WebContents, APP_URL);
    return api;
  }
  const navigation = (url: string) => ({ url, preventDefault: vi.fn() });

  it('prevents navigation anywhere but the app page', () => {
    const wc = fakeWebContents();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:5173/index.html', 'javascript:alert(1)']) {
      const e = navigation(url);
      wc.emit('will-navigate', e, url);
      expect(e.preventDefault, url).toHaveBeenCalled();
      const r = navigation(url);
      wc.emit('will-redirect', r, url);
      expect(r.preventDefault, url).toHaveBeenCalled();
    }
    const same = navigation(`${APP_URL}#/cases`);
    wc.emit('will-navigate', same, same.url);
    expect(same.preventDefault).not.toHaveBeenCalled();
  });

  it('denies window.open and webviews', () => {
    const wc = fakeWebContents();
    expect(wc.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(wc.openHandler?.({ url: APP_URL })).toEqual({ action: 'deny' });
    const e = { preventDefault: vi.fn() };
    wc.emit('will-attach-webview', e, {}, {});
    expect(e.preventDefault).toHaveBeenCalled();
  });
});

describe('isTrustedSender', () => {
  it('trusts the main frame of the app page only', () => {
    expect(isTrustedSender({ url: APP_URL, parent: null }, APP_URL)).toBe(true);
    expect(isTrustedSender({ url: `${APP_URL}?x=1#/queue`, parent: null }, APP_URL)).toBe(true);
  });

  it('refuses foreign pages, other files, sub-frames and missing frames', () => {
    const top = { url: APP_URL, parent: null };
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, APP_URL)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', parent: null }, APP_URL)).toBe(false);
    expect(isTrustedSender({ url: APP_URL, parent: top as never }, APP_URL)).toBe(false);
    expect(isTrustedSender(null, APP_URL)).toBe(false);
    expect(isAppUrl('not a url', APP_URL)).toBe(false);
  });
});

import type http from 'node:http'
import type { Page } from 'playwright-core'

/**
 * A bare page with Shaka Player (no app): the e2e tests' baseline player.
 * Serve SHAKA_TEST_PAGE_HTML (e.g. at /shaka-test.html) from the same origin
 * as /shaka/ (node_modules/shaka-player/dist) and the media, open it, then
 * call playInPage() with a config per playback.
 */
export interface ShakaPlayConfig {
  manifestUri: string
  /** drm.clearKeys: KID hex → key hex. */
  clearKeys?: Record<string, string>
  /** drm.servers, e.g. { 'org.w3.clearkey': 'http://…/v1/license/clearkey' }. */
  servers?: Record<string, string>
  /** Headers added to LICENSE and KEY requests (e.g. the license token). */
  requestHeaders?: Record<string, string>
  /** Where the play starts (seconds), as a resumed play does. */
  startTime?: number
  /** Resolve once video.currentTime passes this (seconds). */
  minTime?: number
  /** Give up waiting for progress after this long (ms). */
  timeoutMs?: number
  /** Merged into player.configure() last. */
  extraConfig?: Record<string, unknown>
}

export interface ShakaError {
  code: number | null
  category: number | null
  severity: number | null
  message: string
  data: string
}

export interface ShakaPlayResult {
  loaded: boolean
  currentTime: number
  readyState: number
  videoWidth: number
  videoHeight: number
  errors: ShakaError[]
  keySystem: string
  audioLanguages: string[]
  textLanguages: string[]
  videoHeights: number[]
  licenseRequests: number
  keyRequests: number
}

export interface FrameStats {
  width: number
  height: number
  mean: number
  stddev: number
}

interface ShakaTestWindow {
  marqueeShakaSupported: boolean
  marqueePlay(cfg: ShakaPlayConfig): Promise<ShakaPlayResult>
  marqueeFrameStats(): FrameStats
  marqueeImageStats(base64Png: string): Promise<FrameStats>
  marqueeStop(): Promise<void>
}

export const SHAKA_TEST_PAGE_PATH = '/shaka-test.html'

// Plain ES2017 run by Chromium as is (not transpiled).
export const SHAKA_TEST_PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>Marquee · bare Shaka</title>
<script src="/shaka/shaka-player.compiled.js"></script></head>
<body style="margin:0;background:#000">
<video id="video" width="1280" height="720" muted playsinline style="display:block"></video>
<script>
shaka.polyfill.installAll();
window.marqueeShakaSupported = shaka.Player.isBrowserSupported();
let player = null;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function describe(e) {
  if (!e) return { code: null, category: null, severity: null, message: 'unknown', data: '' };
  let data = '';
  try { data = JSON.stringify(e.data, (k, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) ? '[bytes]' : v).slice(0, 600); } catch (_) {}
  return {
    code: typeof e.code === 'number' ? e.code : null,
    category: typeof e.category === 'number' ? e.category : null,
    severity: typeof e.severity === 'number' ? e.severity : null,
    message: String(e.message || e),
    data: data,
  };
}
window.marqueeStop = async function () {
  if (player) { await player.destroy(); player = null; }
};
window.marqueePlay = async function (cfg) {
  await window.marqueeStop();
  const video = document.getElementById('video');
  video.muted = true;
  player = new shaka.Player();
  await player.attach(video);
  const errors = [];
  let licenseRequests = 0, keyRequests = 0;
  player.addEventListener('error', (ev) => errors.push(describe(ev.detail)));
  const drm = {};
  if (cfg.clearKeys) drm.clearKeys = cfg.clearKeys;
  if (cfg.servers) drm.servers = cfg.servers;
  player.configure({
    drm: drm,
    manifest: { retryParameters: { maxAttempts: 1, timeout: 15000 } },
    streaming: { retryParameters: { maxAttempts: 2, timeout: 15000 } },
  });
  player.configure({ drm: { retryParameters: { maxAttempts: 1, timeout: 15000 } } });
  if (cfg.extraConfig) player.configure(cfg.extraConfig);
  const T = shaka.net.NetworkingEngine.RequestType;
  player.getNetworkingEngine().registerRequestFilter((type, request) => {
    if (type === T.LICENSE) licenseRequests++;
    if (type === T.KEY) keyRequests++;
    if ((type === T.LICENSE || type === T.KEY) && cfg.requestHeaders) Object.assign(request.headers, cfg.requestHeaders);
  });
  let loaded = false;
  // Read right after load: during play Shaka disables a stream for a while
  // (streaming.maxDisabledTime) when one of its segments fails on a busy machine.
  let variants = [];
  try {
    await player.load(cfg.manifestUri, cfg.startTime);
    loaded = true;
    variants = player.getVariantTracks();
  } catch (e) {
    errors.push(describe(e));
  }
  if (loaded) {
    // Not awaited: play() stays pending while a key is missing.
    video.play().catch((e) => errors.push(describe(e)));
  }
  const minTime = cfg.minTime == null ? 2 : cfg.minTime;
  const deadline = performance.now() + (cfg.timeoutMs || 20000);
  while (loaded && video.currentTime < minTime && performance.now() < deadline &&
      !errors.some((e) => e.severity === 2)) {
    await sleep(100);
  }
  return {
    loaded: loaded,
    currentTime: video.currentTime,
    readyState: video.readyState,
    videoWidth: video.videoWidth,
    videoHeight: video.videoHeight,
    errors: errors,
    keySystem: player.keySystem(),
    audioLanguages: loaded ? Array.from(new Set(player.getAudioTracks().map((t) => t.language))) : [],
    textLanguages: loaded ? Array.from(new Set(player.getTextTracks().map((t) => t.language))) : [],
    videoHeights: Array.from(new Set(variants.map((t) => t.height))).sort((a, b) => a - b),
    licenseRequests: licenseRequests,
    keyRequests: keyRequests,
  };
};
function lumaStats(source, width, height) {
  const w = 160, h = 90;
  const canvas = document.createElement('canvas');
  canvas.width = w; canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(source, 0, 0, w, h);
  const px = ctx.getImageData(0, 0, w, h).data;
  let sum = 0, sum2 = 0;
  const n = w * h;
  for (let i = 0; i < px.length; i += 4) {
    const y = 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
    sum += y; sum2 += y * y;
  }
  const mean = sum / n;
  return { width: width, height: height, mean: mean, stddev: Math.sqrt(Math.max(0, sum2 / n - mean * mean)) };
}
// Luma of the current frame read back through a canvas (clear media only:
// Chromium draws EME-decrypted video to a canvas as black).
window.marqueeFrameStats = function () {
  const video = document.getElementById('video');
  return lumaStats(video, video.videoWidth, video.videoHeight);
};
// Luma of a PNG (a compositor screenshot of the page), for decrypted frames.
window.marqueeImageStats = async function (base64Png) {
  const bytes = Uint8Array.from(atob(base64Png), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  return lumaStats(bitmap, bitmap.width, bitmap.height);
};
</script></body></html>
`

/** An ExtraHandler answering SHAKA_TEST_PAGE_PATH with the bare Shaka page. */
export function serveShakaTestPage(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (!req.url || new URL(req.url, 'http://localhost').pathname !== SHAKA_TEST_PAGE_PATH) return false
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(SHAKA_TEST_PAGE_HTML)
  return true
}

/** Opens the bare Shaka page on `origin` and checks Shaka supports this browser. */
export async function openShakaPage(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}${SHAKA_TEST_PAGE_PATH}`)
  await page.waitForFunction(() => typeof (window as unknown as ShakaTestWindow).marqueePlay === 'function')
  const supported = await page.evaluate(() => (window as unknown as ShakaTestWindow).marqueeShakaSupported)
  if (!supported) throw new Error('Shaka reports this browser unsupported (no MSE?)')
}

export function playInPage(page: Page, cfg: ShakaPlayConfig): Promise<ShakaPlayResult> {
  return page.evaluate((c) => (window as unknown as ShakaTestWindow).marqueePlay(c), cfg)
}

export function frameStats(page: Page): Promise<FrameStats> {
  return page.evaluate(() => (window as unknown as ShakaTestWindow).marqueeFrameStats())
}

/**
 * Luma statistics of what the compositor shows in the video element's box:
 * works for EME-decrypted frames too (a canvas readback of those is black).
 * Optionally saves the screenshot.
 */
export async function screenFrameStats(page: Page, savePath?: string): Promise<FrameStats> {
  const png = await page.locator('#video').screenshot(savePath ? { path: savePath } : {})
  return page.evaluate((b64) => (window as unknown as ShakaTestWindow).marqueeImageStats(b64), png.toString('base64'))
}

export function stopPlayback(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as ShakaTestWindow).marqueeStop())
}

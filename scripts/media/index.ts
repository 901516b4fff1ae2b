// Generates Marquee's packaged test media: short synthetic clips (test pattern
// with a running clock, two audio languages, two WebVTT subtitle languages),
// encoded by ffmpeg into fragmented MP4 per rendition and per track, rewritten
// as single-file CMAF (sidx; CENC AES-CTR for the encrypted assets, done in
// cmaf.ts), and described by a DASH MPD and HLS playlists written here.
//
// <outDir>/catalog.json lists every asset with its KID and key. It lives in the
// data dir only and must never be served: it holds the content keys.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { packageTrack, verifyPackaged, type PackagedTrack } from './cmaf'
import {
  audioPlaylistName, buildMasterPlaylist, buildMediaPlaylist, buildMpd, buildSubtitlePlaylist, buildThumbnailPlaylist, buildWebVtt,
  subtitlePlaylistName, thumbnailGrid, videoPlaylistName, THUMBNAIL_PLAYLIST, type AudioTrack, type ManifestInput, type SubtitleTrack,
  type ThumbnailGrid, type ThumbnailTrack, type VideoTrack,
} from './manifest'
import { hexToBytes } from './mp4'

/** Bump when the output changes shape or content; ensureMedia regenerates on a mismatch. */
export const MEDIA_GENERATOR_VERSION = 5

export interface MediaAsset {
  id: string
  encrypted: boolean
  /** 32 lowercase hex digits, or null for clear assets. */
  kid: string | null
  /** 32 lowercase hex digits, or null for clear assets. */
  key: string | null
  durationSeconds: number
  /** Relative to the media root (served at /media/). */
  dash: string
  hls: string
  audioLanguages: string[]
  subtitleLanguages: string[]
  /**
   * Encrypted assets only: the URI their HLS media playlists name in
   * EXT-X-KEY (KEYFORMAT "identity"); Shaka GETs the raw 16-byte key from it.
   */
  hlsKeyUri: string | null
  /** The video renditions, lowest first. */
  renditions: Array<{ id: string; width: number; height: number; bandwidth: number; codecs: string }>
  /** The span of the picture that opens it as titles do: an episode played from it offers Skip intro. */
  intro: MediaSpan
}

export interface MediaSpan {
  startSeconds: number
  endSeconds: number
}

export interface MediaCatalog {
  version: number
  generatedAt: string
  assets: MediaAsset[]
}

export interface EnsureMediaOptions {
  outDir: string
  log?: (msg: string) => void
  force?: boolean
  /** The EXT-X-KEY URI for an encrypted asset's HLS playlists (default /v1/license/clearkey/hls/<id>). */
  hlsKeyUri?: (assetId: string) => string
}

interface AssetSpec {
  id: string
  encrypted: boolean
  durationSeconds: number
  title: string
}

export const ASSETS: readonly AssetSpec[] = [
  { id: 'clear-1', encrypted: false, durationSeconds: 24, title: 'Marquee clear-1' },
  { id: 'clear-2', encrypted: false, durationSeconds: 24, title: 'Marquee clear-2' },
  { id: 'enc-1', encrypted: true, durationSeconds: 24, title: 'Marquee enc-1' },
  { id: 'enc-2', encrypted: true, durationSeconds: 24, title: 'Marquee enc-2' },
  { id: 'enc-3', encrypted: true, durationSeconds: 24, title: 'Marquee enc-3' },
]

const RENDITIONS = [
  { id: 'video-360', width: 640, height: 360, kbps: 600 },
  { id: 'video-540', width: 960, height: 540, kbps: 1200 },
  { id: 'video-720', width: 1280, height: 720, kbps: 2500 },
] as const

const AUDIO = [
  { id: 'audio-zh', language: 'zh', iso639_2: 'chi', label: '中文', frequency: 440 },
  { id: 'audio-en', language: 'en', iso639_2: 'eng', label: 'English', frequency: 660 },
] as const

const SUBTITLES = [
  { id: 'sub-zh', language: 'zh', label: '中文', text: (n: number, t: number) => `第 ${n} 条字幕（${t} 秒）\n这是中文测试字幕` },
  { id: 'sub-en', language: 'en', label: 'English', text: (n: number, t: number) => `Subtitle cue ${n} (${t} s)\nThis is the English test track` },
] as const

/**
 * Every clip's opening titles, as an operator's content metadata marks them (production markers come with the
 * catalogue, not from the pixels): 6 s of the 24 s clip after a cold open, long enough to see the offer and take it.
 */
export const INTRO: MediaSpan = { startSeconds: 3, endSeconds: 9 }

/** Seek previews: a 320×180 picture every 2 s, four to a row of the sprite sheet. */
const THUMBNAILS = { file: 'thumbnails.jpg', everySeconds: 2, tileWidth: 320, tileHeight: 180, maxColumns: 4 } as const

const FPS = 25
const GOP_SECONDS = 2
const CUE_EVERY = 4
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
]

export function defaultHlsKeyUri(assetId: string): string {
  return `/v1/license/clearkey/hls/${encodeURIComponent(assetId)}`
}

/** Debian's ffmpeg when installed, else the static build from @ffmpeg-installer/ffmpeg. */
export function ffmpegPath(): string {
  if (process.env.MARQUEE_FFMPEG && fs.existsSync(process.env.MARQUEE_FFMPEG)) return process.env.MARQUEE_FFMPEG
  if (fs.existsSync('/usr/bin/ffmpeg')) return '/usr/bin/ffmpeg'
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const installer = require('@ffmpeg-installer/ffmpeg') as { path: string }
  return installer.path
}

export function readMediaCatalog(outDir: string): MediaCatalog | null {
  const file = path.join(outDir, 'catalog.json')
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as MediaCatalog
    if (!parsed || typeof parsed.version !== 'number' || !Array.isArray(parsed.assets)) return null
    return parsed
  } catch {
    return null
  }
}

function catalogIsCurrent(catalog: MediaCatalog | null, outDir: string, keyUri: (id: string) => string): catalog is MediaCatalog {
  if (!catalog || catalog.version !== MEDIA_GENERATOR_VERSION) return false
  if (catalog.assets.length !== ASSETS.length) return false
  return catalog.assets.every(
    (a) =>
      (!a.encrypted || a.hlsKeyUri === keyUri(a.id)) &&
      fs.existsSync(path.join(outDir, a.dash)) &&
      fs.existsSync(path.join(outDir, a.hls)),
  )
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-8000)
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve()
      else reject(new Error(`${path.basename(cmd)} exited with ${code}:\n${stderr}`))
    })
  })
}

function drawtextEscape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/:/g, '\\:').replace(/%/g, '\\%')
}

/**
 * One ffmpeg run per asset: three video renditions and two audio tracks, each a fragmented MP4, and the
 * seek preview sprite sheet (the picture with its clock, every THUMBNAILS.everySeconds, tiled as `grid`) into `file`.
 */
export function ffmpegArgs(spec: AssetSpec, rawDir: string, sheet: { file: string; grid: ThumbnailGrid }, font: string | null): string[] {
  const d = spec.durationSeconds
  const grid = sheet.grid
  const gop = FPS * GOP_SECONDS
  const fontOpt = font ? `fontfile=${font}:` : ''
  const title = drawtextEscape(spec.title)
  const split = RENDITIONS.map((_, i) => `[s${i}]`).join('') + '[st]'
  const chains = RENDITIONS.map(
    (r, i) =>
      `[s${i}]scale=${r.width}:${r.height},` +
      `drawtext=${fontOpt}text='${r.height}p':fontsize=${Math.round(r.height / 16)}:fontcolor=yellow:x=w-tw-${Math.round(r.height / 24)}:y=${Math.round(r.height / 24)}[v${i}]`,
  )
  const filter =
    `[0:v]drawtext=${fontOpt}text='${title}':fontsize=56:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=12:x=40:y=40,` +
    `drawtext=${fontOpt}text='%{pts\\:hms}':fontsize=96:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=16:x=(w-tw)/2:y=h-th-60,` +
    `split=${RENDITIONS.length + 1}${split};` +
    chains.join(';') +
    `;[st]fps=1/${THUMBNAILS.everySeconds},scale=${THUMBNAILS.tileWidth}:${THUMBNAILS.tileHeight},` +
    `tile=${grid.columns}x${grid.rows}:nb_frames=${grid.count}[thumbs]`
  const args = [
    '-hide_banner', '-loglevel', 'error', '-nostdin', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=${FPS}:duration=${d}`,
    ...AUDIO.flatMap((a) => ['-f', 'lavfi', '-i', `sine=frequency=${a.frequency}:beep_factor=2:sample_rate=48000:duration=${d}`]),
    '-filter_complex', filter,
  ]
  const fragVideo = ['-movflags', '+frag_keyframe+empty_moov+default_base_moof', '-f', 'mp4']
  RENDITIONS.forEach((r, i) => {
    args.push(
      '-map', `[v${i}]`, '-an', '-sn',
      '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-profile:v', 'high', '-pix_fmt', 'yuv420p',
      '-b:v', `${r.kbps}k`, '-maxrate', `${Math.round(r.kbps * 1.2)}k`, '-bufsize', `${r.kbps * 2}k`,
      '-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0', '-bf', '0',
      '-force_key_frames', `expr:gte(t,n_forced*${GOP_SECONDS})`,
      '-map_metadata', '-1', '-metadata:s:v:0', 'language=und',
      ...fragVideo, path.join(rawDir, `${r.id}.mp4`),
    )
  })
  args.push('-map', '[thumbs]', '-frames:v', '1', '-q:v', '5', '-f', 'image2', sheet.file)
  AUDIO.forEach((a, i) => {
    args.push(
      '-map', `${i + 1}:a`, '-vn', '-sn',
      '-c:a', 'aac', '-b:a', '96k', '-ac', '2', '-ar', '48000',
      '-map_metadata', '-1', '-metadata:s:a:0', `language=${a.iso639_2}`,
      '-movflags', '+empty_moov+default_base_moof', '-frag_duration', String(GOP_SECONDS * 1_000_000), '-f', 'mp4',
      path.join(rawDir, `${a.id}.mp4`),
    )
  })
  return args
}

async function buildAsset(
  spec: AssetSpec,
  stageDir: string,
  ffmpeg: string,
  font: string | null,
  keyUri: (id: string) => string,
  log: (msg: string) => void,
): Promise<MediaAsset> {
  const started = Date.now()
  const dir = path.join(stageDir, spec.id)
  const rawDir = path.join(dir, 'raw')
  fs.mkdirSync(rawDir, { recursive: true })
  const thumbnailsFile = path.join(dir, THUMBNAILS.file)
  const grid = thumbnailGrid(spec.durationSeconds, THUMBNAILS.everySeconds, THUMBNAILS.maxColumns)
  await run(ffmpeg, ffmpegArgs(spec, rawDir, { file: thumbnailsFile, grid }, font))
  const encodedAt = Date.now()

  const kid = spec.encrypted ? crypto.randomBytes(16).toString('hex') : null
  const key = spec.encrypted ? crypto.randomBytes(16).toString('hex') : null
  const enc = kid && key ? { kid: hexToBytes(kid), key: hexToBytes(key) } : null

  const packaged = new Map<string, PackagedTrack>()
  for (const id of [...RENDITIONS.map((r) => r.id), ...AUDIO.map((a) => a.id)]) {
    const input = new Uint8Array(fs.readFileSync(path.join(rawDir, `${id}.mp4`)))
    const { output, track } = packageTrack(input, enc)
    verifyPackaged(output, !!enc)
    fs.writeFileSync(path.join(dir, `${id}.mp4`), output)
    packaged.set(id, track)
  }
  fs.rmSync(rawDir, { recursive: true, force: true })

  const get = (id: string): PackagedTrack => {
    const t = packaged.get(id)
    if (!t) throw new Error(`media: track ${id} missing`)
    return t
  }
  const base = (id: string): Omit<VideoTrack, 'id' | 'width' | 'height' | 'frameRate'> => {
    const t = get(id)
    return {
      file: `${id}.mp4`, codecs: t.info.codecs, bandwidth: t.bandwidth, averageBandwidth: t.averageBandwidth,
      timescale: t.info.timescale, initRange: t.initRange, indexRange: t.indexRange, fragments: t.fragments,
      durationSeconds: t.durationSeconds,
    }
  }
  const video: VideoTrack[] = RENDITIONS.map((r) => ({ ...base(r.id), id: r.id, width: get(r.id).info.width, height: get(r.id).info.height, frameRate: FPS }))
  const audio: AudioTrack[] = AUDIO.map((a) => ({ ...base(a.id), id: a.id, language: a.language, label: a.label, channels: 2, sampleRate: 48000 }))
  const subtitles: SubtitleTrack[] = SUBTITLES.map((s) => ({ id: s.id, file: `${s.id}.vtt`, language: s.language, label: s.label }))
  for (const s of SUBTITLES) {
    fs.writeFileSync(path.join(dir, `${s.id}.vtt`), buildWebVtt(spec.durationSeconds, CUE_EVERY, s.text))
  }
  const durationSeconds = Math.round(Math.min(...video.map((v) => v.durationSeconds)) * 1000) / 1000
  const hlsKeyUri = spec.encrypted ? keyUri(spec.id) : null
  const thumbnails: ThumbnailTrack = {
    file: THUMBNAILS.file,
    tileWidth: THUMBNAILS.tileWidth,
    tileHeight: THUMBNAILS.tileHeight,
    columns: grid.columns,
    rows: grid.rows,
    everySeconds: THUMBNAILS.everySeconds,
    bandwidth: Math.ceil((fs.statSync(thumbnailsFile).size * 8) / durationSeconds),
  }
  const input: ManifestInput = {
    durationSeconds,
    video,
    audio,
    subtitles,
    thumbnails,
    encryption: kid && hlsKeyUri ? { kid, hlsKeyUri } : null,
  }
  fs.writeFileSync(path.join(dir, 'manifest.mpd'), buildMpd(input))
  fs.writeFileSync(path.join(dir, 'master.m3u8'), buildMasterPlaylist(input))
  for (const v of video) fs.writeFileSync(path.join(dir, videoPlaylistName(v)), buildMediaPlaylist(v, hlsKeyUri))
  for (const a of audio) fs.writeFileSync(path.join(dir, audioPlaylistName(a)), buildMediaPlaylist(a, hlsKeyUri))
  for (const s of subtitles) fs.writeFileSync(path.join(dir, subtitlePlaylistName(s)), buildSubtitlePlaylist(s, durationSeconds))
  fs.writeFileSync(path.join(dir, THUMBNAIL_PLAYLIST), buildThumbnailPlaylist(thumbnails, durationSeconds))

  log(`${spec.id}: encoded in ${((encodedAt - started) / 1000).toFixed(1)} s, packaged${enc ? ' and encrypted' : ''} in ${((Date.now() - encodedAt) / 1000).toFixed(1)} s`)
  return {
    id: spec.id,
    encrypted: spec.encrypted,
    kid,
    key,
    durationSeconds,
    dash: `${spec.id}/manifest.mpd`,
    hls: `${spec.id}/master.m3u8`,
    audioLanguages: AUDIO.map((a) => a.language),
    subtitleLanguages: SUBTITLES.map((s) => s.language),
    hlsKeyUri,
    renditions: video.map((v) => ({ id: v.id, width: v.width, height: v.height, bandwidth: v.bandwidth, codecs: v.codecs })),
    intro: INTRO,
  }
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Staging/old folders left by an interrupted run (their process is gone). */
function removeAbandonedStaging(outDir: string): void {
  const prefix = path.basename(outDir)
  for (const name of fs.readdirSync(path.dirname(outDir))) {
    const m = /^(.*)\.(?:staging|old)-(\d+)-\d+$/.exec(name)
    if (!m || m[1] !== prefix || pidAlive(Number(m[2]))) continue
    fs.rmSync(path.join(path.dirname(outDir), name), { recursive: true, force: true })
  }
}

/**
 * Generates the test media into outDir unless a current catalog is already
 * there. Builds in a sibling staging folder and swaps it in at the end, so an
 * interrupted run never leaves a half-written catalog.
 */
export async function ensureMedia(opts: EnsureMediaOptions): Promise<MediaCatalog> {
  const outDir = path.resolve(opts.outDir)
  const log = opts.log ?? (() => undefined)
  const keyUri = opts.hlsKeyUri ?? defaultHlsKeyUri
  const existing = readMediaCatalog(outDir)
  if (!opts.force && catalogIsCurrent(existing, outDir, keyUri)) return existing

  const started = Date.now()
  const ffmpeg = ffmpegPath()
  const font = FONT_CANDIDATES.find((f) => fs.existsSync(f)) ?? null
  log(`generating test media into ${outDir} with ${ffmpeg}`)
  fs.mkdirSync(path.dirname(outDir), { recursive: true })
  removeAbandonedStaging(outDir)
  const stageDir = `${outDir}.staging-${process.pid}-${Date.now()}`
  fs.mkdirSync(stageDir, { recursive: true })
  try {
    const assets = await mapLimit(ASSETS, 2, (spec) => buildAsset(spec, stageDir, ffmpeg, font, keyUri, log))
    const catalog: MediaCatalog = { version: MEDIA_GENERATOR_VERSION, generatedAt: new Date().toISOString(), assets }
    fs.writeFileSync(path.join(stageDir, 'catalog.json'), JSON.stringify(catalog, null, 2) + '\n', { mode: 0o600 })
    const oldDir = `${outDir}.old-${process.pid}-${Date.now()}`
    if (fs.existsSync(outDir)) fs.renameSync(outDir, oldDir)
    fs.renameSync(stageDir, outDir)
    fs.rmSync(oldDir, { recursive: true, force: true })
    log(`test media ready: ${assets.length} assets in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    return catalog
  } catch (err) {
    fs.rmSync(stageDir, { recursive: true, force: true })
    throw err
  }
}

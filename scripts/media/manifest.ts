// DASH MPD and HLS playlist writers for single-file CMAF tracks. Pure
// functions: byte ranges and timings come from the packager (cmaf.ts).
import { kidToUuid } from './mp4'

export const CLEARKEY_SCHEME_URI = 'urn:uuid:e2719d58-a985-b3c9-781a-b030af78d30e'
export const MP4_PROTECTION_SCHEME_URI = 'urn:mpeg:dash:mp4protection:2011'
export const THUMBNAIL_TILE_SCHEME_URI = 'http://dashif.org/thumbnail_tile'

export interface ManifestTrack {
  /** File name relative to the manifest. */
  file: string
  codecs: string
  /** Peak bits per second. */
  bandwidth: number
  averageBandwidth: number
  timescale: number
  initRange: [number, number]
  indexRange: [number, number]
  fragments: Array<{ offset: number; size: number; duration: number }>
  durationSeconds: number
}

export interface VideoTrack extends ManifestTrack {
  id: string
  width: number
  height: number
  frameRate: number
}

export interface AudioTrack extends ManifestTrack {
  id: string
  /** BCP-47, e.g. zh or en. */
  language: string
  label: string
  channels: number
  sampleRate: number
}

export interface SubtitleTrack {
  id: string
  file: string
  language: string
  label: string
}

/**
 * Still pictures for seek previews: one JPEG sprite sheet of `columns`×`rows`
 * tiles, read left to right and top to bottom, each a picture from its own
 * `everySeconds` of the play.
 */
export interface ThumbnailTrack {
  file: string
  tileWidth: number
  tileHeight: number
  columns: number
  rows: number
  everySeconds: number
  /** Bits per second over the play (the sheet's size over its duration). */
  bandwidth: number
}

export interface ThumbnailGrid {
  count: number
  columns: number
  rows: number
}

/**
 * How a clip's thumbnails are laid out: one per `everySeconds` begun within it,
 * in as many columns (at most `maxColumns`) as divide them evenly, so every
 * tile is a picture: DASH players time a tile as the sheet's duration over its
 * tile count.
 */
export function thumbnailGrid(durationSeconds: number, everySeconds: number, maxColumns: number): ThumbnailGrid {
  const count = Math.max(1, Math.ceil(durationSeconds / everySeconds - 1e-9))
  let columns = Math.min(maxColumns, count)
  while (count % columns !== 0) columns--
  return { count, columns, rows: count / columns }
}

export interface ManifestInput {
  durationSeconds: number
  video: VideoTrack[]
  audio: AudioTrack[]
  subtitles: SubtitleTrack[]
  /** Seek preview pictures, where the asset has them. */
  thumbnails?: ThumbnailTrack | null
  /** Present for encrypted assets: every track shares this KID. */
  encryption: { kid: string; hlsKeyUri: string } | null
}

function xmlAttr(value: string | number): string {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

function isoDuration(seconds: number): string {
  return `PT${seconds.toFixed(3)}S`
}

function range([a, b]: [number, number]): string {
  return `${a}-${b}`
}

function contentProtection(kid: string, indent: string): string {
  return (
    `${indent}<ContentProtection schemeIdUri="${MP4_PROTECTION_SCHEME_URI}" value="cenc" cenc:default_KID="${kidToUuid(kid)}"/>\n` +
    `${indent}<ContentProtection schemeIdUri="${CLEARKEY_SCHEME_URI}" value="ClearKey1.0"/>\n`
  )
}

function segmentBase(t: ManifestTrack, indent: string): string {
  return (
    `${indent}<BaseURL>${xmlAttr(t.file)}</BaseURL>\n` +
    `${indent}<SegmentBase timescale="${t.timescale}" indexRange="${range(t.indexRange)}" indexRangeExact="true">\n` +
    `${indent}  <Initialization range="${range(t.initRange)}"/>\n` +
    `${indent}</SegmentBase>\n`
  )
}

/** A static on-demand MPD: SegmentBase (sidx) per Representation, one AdaptationSet per audio language, WebVTT side files. */
export function buildMpd(input: ManifestInput): string {
  const enc = input.encryption
  const i1 = '    '
  const i2 = '      '
  const i3 = '        '
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n'
  out +=
    `<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" xmlns:cenc="urn:mpeg:cenc:2013" ` +
    `profiles="urn:mpeg:dash:profile:isoff-on-demand:2011" type="static" ` +
    `mediaPresentationDuration="${isoDuration(input.durationSeconds)}" minBufferTime="PT2S">\n`
  out += `  <Period id="0" start="PT0S">\n`
  let asId = 0
  if (input.video.length) {
    const maxW = Math.max(...input.video.map((v) => v.width))
    const maxH = Math.max(...input.video.map((v) => v.height))
    out += `${i1}<AdaptationSet id="${asId++}" contentType="video" mimeType="video/mp4" segmentAlignment="true" subsegmentAlignment="true" subsegmentStartsWithSAP="1" startWithSAP="1" maxWidth="${maxW}" maxHeight="${maxH}" par="16:9">\n`
    if (enc) out += contentProtection(enc.kid, i2)
    for (const v of [...input.video].sort((a, b) => a.bandwidth - b.bandwidth)) {
      out += `${i2}<Representation id="${xmlAttr(v.id)}" bandwidth="${v.bandwidth}" codecs="${xmlAttr(v.codecs)}" width="${v.width}" height="${v.height}" frameRate="${v.frameRate}" sar="1:1">\n`
      out += segmentBase(v, i3)
      out += `${i2}</Representation>\n`
    }
    out += `${i1}</AdaptationSet>\n`
  }
  input.audio.forEach((a, i) => {
    out += `${i1}<AdaptationSet id="${asId++}" contentType="audio" mimeType="audio/mp4" lang="${xmlAttr(a.language)}" segmentAlignment="true" subsegmentAlignment="true" subsegmentStartsWithSAP="1" startWithSAP="1">\n`
    out += `${i2}<Label>${xmlAttr(a.label)}</Label>\n`
    out += `${i2}<Role schemeIdUri="urn:mpeg:dash:role:2011" value="${i === 0 ? 'main' : 'alternate'}"/>\n`
    if (enc) out += contentProtection(enc.kid, i2)
    out += `${i2}<Representation id="${xmlAttr(a.id)}" bandwidth="${a.bandwidth}" codecs="${xmlAttr(a.codecs)}" audioSamplingRate="${a.sampleRate}">\n`
    out += `${i3}<AudioChannelConfiguration schemeIdUri="urn:mpeg:dash:23003:3:audio_channel_configuration:2011" value="${a.channels}"/>\n`
    out += segmentBase(a, i3)
    out += `${i2}</Representation>\n`
    out += `${i1}</AdaptationSet>\n`
  })
  for (const s of input.subtitles) {
    out += `${i1}<AdaptationSet id="${asId++}" contentType="text" mimeType="text/vtt" lang="${xmlAttr(s.language)}">\n`
    out += `${i2}<Label>${xmlAttr(s.label)}</Label>\n`
    out += `${i2}<Role schemeIdUri="urn:mpeg:dash:role:2011" value="subtitle"/>\n`
    out += `${i2}<Representation id="${xmlAttr(s.id)}" bandwidth="256">\n`
    out += `${i3}<BaseURL>${xmlAttr(s.file)}</BaseURL>\n`
    out += `${i2}</Representation>\n`
    out += `${i1}</AdaptationSet>\n`
  }
  const thumbs = input.thumbnails
  if (thumbs) {
    // DASH-IF's thumbnail AdaptationSet: one segment, the whole sheet, tiled as EssentialProperty says.
    const sheetMs = Math.round(thumbs.everySeconds * thumbs.columns * thumbs.rows * 1000)
    out += `${i1}<AdaptationSet id="${asId++}" contentType="image" mimeType="image/jpeg">\n`
    out += `${i2}<SegmentTemplate media="${xmlAttr(thumbs.file)}" timescale="1000" duration="${sheetMs}" startNumber="1"/>\n`
    out += `${i2}<Representation id="thumbnails" bandwidth="${thumbs.bandwidth}" width="${thumbs.tileWidth * thumbs.columns}" height="${thumbs.tileHeight * thumbs.rows}">\n`
    out += `${i3}<EssentialProperty schemeIdUri="${THUMBNAIL_TILE_SCHEME_URI}" value="${thumbs.columns}x${thumbs.rows}"/>\n`
    out += `${i2}</Representation>\n`
    out += `${i1}</AdaptationSet>\n`
  }
  out += `  </Period>\n</MPD>\n`
  return out
}

function hlsQuote(value: string): string {
  if (/["\r\n]/.test(value)) throw new Error(`hls: attribute value may not contain quotes or newlines: ${value}`)
  return `"${value}"`
}

/**
 * The EXT-X-KEY line for a CENC (AES-CTR) ClearKey track. Shaka's HLS parser
 * accepts ClearKey only as KEYFORMAT "identity" with METHOD SAMPLE-AES-CTR; it
 * fetches the raw 16-byte key from URI (a KEY request) and reads the KID from
 * the init segment's tenc.
 */
export function hlsKeyLine(keyUri: string): string {
  return `#EXT-X-KEY:METHOD=SAMPLE-AES-CTR,KEYFORMAT="identity",KEYFORMATVERSIONS="1",URI=${hlsQuote(keyUri)}`
}

/** A VOD media playlist over one single-file fMP4 track: EXT-X-MAP and one EXT-X-BYTERANGE per fragment. */
export function buildMediaPlaylist(t: ManifestTrack, keyUri: string | null): string {
  const durations = t.fragments.map((f) => f.duration / t.timescale)
  const target = Math.max(1, Math.ceil(Math.max(...durations) - 1e-6))
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    '#EXT-X-INDEPENDENT-SEGMENTS',
  ]
  if (keyUri) lines.push(hlsKeyLine(keyUri))
  const initLength = t.initRange[1] - t.initRange[0] + 1
  lines.push(`#EXT-X-MAP:URI=${hlsQuote(t.file)},BYTERANGE="${initLength}@${t.initRange[0]}"`)
  t.fragments.forEach((f, i) => {
    lines.push(`#EXTINF:${(durations[i] as number).toFixed(5)},`)
    lines.push(`#EXT-X-BYTERANGE:${f.size}@${f.offset}`)
    lines.push(t.file)
  })
  lines.push('#EXT-X-ENDLIST', '')
  return lines.join('\n')
}

/** A VOD media playlist whose one segment is a whole file; `tags` go in the playlist's head and before the segment. */
function wholeFilePlaylist(file: string, durationSeconds: number, tags: { head?: string[]; segment?: string[] } = {}): string {
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${Math.ceil(durationSeconds)}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    ...(tags.head ?? []),
    `#EXTINF:${durationSeconds.toFixed(5)},`,
    ...(tags.segment ?? []),
    file,
    '#EXT-X-ENDLIST',
    '',
  ].join('\n')
}

/** A subtitle media playlist with the whole WebVTT file as its one segment. */
export function buildSubtitlePlaylist(s: SubtitleTrack, durationSeconds: number): string {
  return wholeFilePlaylist(s.file, durationSeconds)
}

export function videoPlaylistName(v: VideoTrack): string {
  return `${v.id}.m3u8`
}

export function audioPlaylistName(a: AudioTrack): string {
  return `${a.id}.m3u8`
}

export function subtitlePlaylistName(s: SubtitleTrack): string {
  return `${s.id}.m3u8`
}

export const THUMBNAIL_PLAYLIST = 'thumbnails.m3u8'

/** The image playlist (Roku's and Shaka's EXT-X-IMAGE-STREAM-INF): the sheet as one segment, its tiles in EXT-X-TILES. */
export function buildThumbnailPlaylist(t: ThumbnailTrack, durationSeconds: number): string {
  return wholeFilePlaylist(t.file, durationSeconds, {
    head: ['#EXT-X-IMAGES-ONLY'],
    segment: [`#EXT-X-TILES:RESOLUTION=${t.tileWidth}x${t.tileHeight},LAYOUT=${t.columns}x${t.rows},DURATION=${t.everySeconds.toFixed(3)}`],
  })
}

/** The multivariant playlist: audio and subtitle renditions by language, one variant per video rendition. */
export function buildMasterPlaylist(input: ManifestInput): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS']
  input.audio.forEach((a, i) => {
    lines.push(
      `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",LANGUAGE=${hlsQuote(a.language)},NAME=${hlsQuote(a.label)},` +
        `DEFAULT=${i === 0 ? 'YES' : 'NO'},AUTOSELECT=YES,CHANNELS="${a.channels}",URI=${hlsQuote(audioPlaylistName(a))}`,
    )
  })
  input.subtitles.forEach((s) => {
    lines.push(
      `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",LANGUAGE=${hlsQuote(s.language)},NAME=${hlsQuote(s.label)},` +
        `DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI=${hlsQuote(subtitlePlaylistName(s))}`,
    )
  })
  const audioPeak = Math.max(0, ...input.audio.map((a) => a.bandwidth))
  const audioAvg = Math.max(0, ...input.audio.map((a) => a.averageBandwidth))
  const audioCodecs = input.audio[0]?.codecs
  for (const v of [...input.video].sort((a, b) => a.bandwidth - b.bandwidth)) {
    const codecs = audioCodecs ? `${v.codecs},${audioCodecs}` : v.codecs
    const attrs = [
      `BANDWIDTH=${v.bandwidth + audioPeak}`,
      `AVERAGE-BANDWIDTH=${v.averageBandwidth + audioAvg}`,
      `CODECS="${codecs}"`,
      `RESOLUTION=${v.width}x${v.height}`,
      `FRAME-RATE=${v.frameRate.toFixed(3)}`,
    ]
    if (input.audio.length) attrs.push('AUDIO="audio"')
    if (input.subtitles.length) attrs.push('SUBTITLES="subs"')
    lines.push(`#EXT-X-STREAM-INF:${attrs.join(',')}`, videoPlaylistName(v))
  }
  const thumbs = input.thumbnails
  if (thumbs) {
    // RESOLUTION is a tile's, as in EXT-X-TILES (Roku's image playlists; Shaka multiplies it by the layout).
    lines.push(
      `#EXT-X-IMAGE-STREAM-INF:BANDWIDTH=${thumbs.bandwidth},RESOLUTION=${thumbs.tileWidth}x${thumbs.tileHeight},` +
        `CODECS="jpeg",URI=${hlsQuote(THUMBNAIL_PLAYLIST)}`,
    )
  }
  lines.push('')
  return lines.join('\n')
}

/** WebVTT with a cue every `every` seconds; `text(n)` gives cue n's text (n from 1). */
export function buildWebVtt(durationSeconds: number, every: number, text: (n: number, start: number) => string): string {
  const ts = (s: number): string => {
    const ms = Math.round(s * 1000)
    const h = Math.floor(ms / 3600000)
    const m = Math.floor((ms % 3600000) / 60000)
    const sec = Math.floor((ms % 60000) / 1000)
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`
  }
  let out = 'WEBVTT\n\n'
  let n = 1
  for (let start = 0; start < durationSeconds - 0.5; start += every, n++) {
    const end = Math.min(durationSeconds, start + every - 0.5)
    out += `${n}\n${ts(start)} --> ${ts(end)}\n${text(n, start)}\n\n`
  }
  return out
}

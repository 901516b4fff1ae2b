import {
  CLEARKEY_SCHEME_URI, buildMasterPlaylist, buildMediaPlaylist, buildMpd, buildSubtitlePlaylist, buildThumbnailPlaylist, buildWebVtt,
  hlsKeyLine, thumbnailGrid, type AudioTrack, type ManifestInput, type ManifestTrack, type ThumbnailTrack, type VideoTrack,
} from './manifest'

const track = (file: string, timescale: number, sizes: number[], duration: number): ManifestTrack => {
  let at = 1000
  return {
    file,
    codecs: '',
    bandwidth: 0,
    averageBandwidth: 0,
    timescale,
    initRange: [0, 799],
    indexRange: [800, 999],
    fragments: sizes.map((size) => {
      const f = { offset: at, size, duration }
      at += size
      return f
    }),
    durationSeconds: (sizes.length * duration) / timescale,
  }
}

const video = (height: number, bandwidth: number, codecs: string): VideoTrack => ({
  ...track(`video-${height}.mp4`, 12800, [5000, 6000, 4000], 25600),
  id: `video-${height}`,
  codecs,
  bandwidth,
  averageBandwidth: bandwidth - 1000,
  width: (height * 16) / 9,
  height,
  frameRate: 25,
})

const audio = (language: string, label: string): AudioTrack => ({
  ...track(`audio-${language}.mp4`, 48000, [2000, 2100, 1900], 96256),
  id: `audio-${language}`,
  codecs: 'mp4a.40.2',
  bandwidth: 98000,
  averageBandwidth: 96000,
  language,
  label,
  channels: 2,
  sampleRate: 48000,
})

function input(encrypted: boolean): ManifestInput {
  return {
    durationSeconds: 6,
    // Deliberately out of order: writers sort renditions by bandwidth.
    video: [video(720, 2600000, 'avc1.64001f'), video(360, 650000, 'avc1.64001e'), video(540, 1300000, 'avc1.64001f')],
    audio: [audio('zh', '中文'), audio('en', 'English')],
    subtitles: [
      { id: 'sub-zh', file: 'sub-zh.vtt', language: 'zh', label: '中文' },
      { id: 'sub-en', file: 'sub-en.vtt', language: 'en', label: 'English' },
    ],
    encryption: encrypted ? { kid: '0123456789abcdef0123456789abcdef', hlsKeyUri: '/v1/license/clearkey/hls/enc-1' } : null,
  }
}

/** Tag balance of a generated XML document (no XML library in the repo). */
function assertBalancedXml(xml: string): void {
  const stack: string[] = []
  for (const m of xml.matchAll(/<(\/?)([A-Za-z][\w:]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m
    if (selfClosing) continue
    if (closing) expect(stack.pop()).toBe(name)
    else stack.push(name as string)
  }
  expect(stack).toEqual([])
}

describe('DASH MPD', () => {
  test('a clear MPD: static on-demand, SegmentBase per representation, audio per language, WebVTT text', () => {
    const mpd = buildMpd(input(false))
    assertBalancedXml(mpd)
    expect(mpd).toContain('type="static"')
    expect(mpd).toContain('mediaPresentationDuration="PT6.000S"')
    expect(mpd).toContain('profiles="urn:mpeg:dash:profile:isoff-on-demand:2011"')
    expect(mpd).not.toContain('ContentProtection')
    const reps = [...mpd.matchAll(/<Representation id="(video-\d+)" bandwidth="(\d+)" codecs="([^"]+)" width="(\d+)" height="(\d+)"/g)]
    expect(reps.map((r) => [r[1], r[3], r[5]])).toEqual([
      ['video-360', 'avc1.64001e', '360'],
      ['video-540', 'avc1.64001f', '540'],
      ['video-720', 'avc1.64001f', '720'],
    ])
    expect(mpd).toContain('<SegmentBase timescale="12800" indexRange="800-999" indexRangeExact="true">')
    expect(mpd).toContain('<Initialization range="0-799"/>')
    expect(mpd).toMatch(/contentType="audio" mimeType="audio\/mp4" lang="zh"[\s\S]*?codecs="mp4a.40.2"/)
    expect(mpd).toMatch(/contentType="audio" mimeType="audio\/mp4" lang="en"/)
    expect(mpd).toMatch(/contentType="text" mimeType="text\/vtt" lang="zh"[\s\S]*?<BaseURL>sub-zh.vtt<\/BaseURL>/)
    expect(mpd).toMatch(/contentType="text" mimeType="text\/vtt" lang="en"[\s\S]*?<BaseURL>sub-en.vtt<\/BaseURL>/)
    expect((mpd.match(/<AdaptationSet /g) ?? []).length).toBe(5)
  })

  test('an encrypted MPD signals cenc with the default KID and ClearKey on every media AdaptationSet', () => {
    const mpd = buildMpd(input(true))
    assertBalancedXml(mpd)
    expect(mpd).toContain('xmlns:cenc="urn:mpeg:cenc:2013"')
    const cenc = mpd.match(/<ContentProtection schemeIdUri="urn:mpeg:dash:mp4protection:2011" value="cenc" cenc:default_KID="01234567-89ab-cdef-0123-456789abcdef"\/>/g) ?? []
    const clearKey = mpd.match(new RegExp(`<ContentProtection schemeIdUri="${CLEARKEY_SCHEME_URI}"`, 'g')) ?? []
    expect(cenc).toHaveLength(3) // video + two audio
    expect(clearKey).toHaveLength(3)
    // The mp4protection element comes first: Shaka takes the default KID from it.
    expect(mpd.indexOf('mp4protection')).toBeLessThan(mpd.indexOf(CLEARKEY_SCHEME_URI))
    // No license URL in the manifest: the app configures drm.servers.
    expect(mpd).not.toMatch(/Laurl/)
    // Text is not encrypted.
    expect(mpd.slice(mpd.indexOf('contentType="text"'))).not.toContain('ContentProtection')
  })
})

describe('HLS playlists', () => {
  test('the multivariant playlist groups audio and subtitles by language and lists variants by bandwidth', () => {
    const m3u8 = buildMasterPlaylist(input(false))
    const lines = m3u8.trim().split('\n')
    expect(lines[0]).toBe('#EXTM3U')
    expect(lines).toContain('#EXT-X-INDEPENDENT-SEGMENTS')
    expect(lines).toContain('#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",LANGUAGE="zh",NAME="中文",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="audio-zh.m3u8"')
    expect(lines).toContain('#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",LANGUAGE="en",NAME="English",DEFAULT=NO,AUTOSELECT=YES,CHANNELS="2",URI="audio-en.m3u8"')
    expect(lines.filter((l) => l.startsWith('#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs"'))).toHaveLength(2)
    const variants = lines.filter((l) => l.startsWith('#EXT-X-STREAM-INF:'))
    expect(variants).toHaveLength(3)
    expect(variants[0]).toBe('#EXT-X-STREAM-INF:BANDWIDTH=748000,AVERAGE-BANDWIDTH=745000,CODECS="avc1.64001e,mp4a.40.2",RESOLUTION=640x360,FRAME-RATE=25.000,AUDIO="audio",SUBTITLES="subs"')
    expect(lines[lines.indexOf(variants[0] as string) + 1]).toBe('video-360.m3u8')
    expect(lines[lines.length - 1]).toBe('video-720.m3u8')
  })

  test('a media playlist maps the init range and lists every fragment by byte range', () => {
    const v = video(360, 650000, 'avc1.64001e')
    const m3u8 = buildMediaPlaylist(v, null)
    expect(m3u8).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:7',
        '#EXT-X-TARGETDURATION:2',
        '#EXT-X-MEDIA-SEQUENCE:0',
        '#EXT-X-PLAYLIST-TYPE:VOD',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-MAP:URI="video-360.mp4",BYTERANGE="800@0"',
        '#EXTINF:2.00000,',
        '#EXT-X-BYTERANGE:5000@1000',
        'video-360.mp4',
        '#EXTINF:2.00000,',
        '#EXT-X-BYTERANGE:6000@6000',
        'video-360.mp4',
        '#EXTINF:2.00000,',
        '#EXT-X-BYTERANGE:4000@12000',
        'video-360.mp4',
        '#EXT-X-ENDLIST',
        '',
      ].join('\n'),
    )
  })

  test('the target duration rounds a fragment duration up', () => {
    const a = audio('zh', '中文') // 96256 / 48000 = 2.0053 s
    const m3u8 = buildMediaPlaylist(a, null)
    expect(m3u8).toContain('#EXT-X-TARGETDURATION:3')
    expect(m3u8).toContain('#EXTINF:2.00533,')
  })

  test('encrypted media playlists carry a SAMPLE-AES-CTR identity key before the map', () => {
    const m3u8 = buildMediaPlaylist(audio('en', 'English'), '/v1/license/clearkey/hls/enc-1')
    const key = '#EXT-X-KEY:METHOD=SAMPLE-AES-CTR,KEYFORMAT="identity",KEYFORMATVERSIONS="1",URI="/v1/license/clearkey/hls/enc-1"'
    expect(hlsKeyLine('/v1/license/clearkey/hls/enc-1')).toBe(key)
    expect(m3u8.indexOf(key)).toBeGreaterThan(0)
    expect(m3u8.indexOf(key)).toBeLessThan(m3u8.indexOf('#EXT-X-MAP'))
    expect(() => hlsKeyLine('bad"uri')).toThrow()
  })

  test('a subtitle playlist is the whole WebVTT file as one segment', () => {
    expect(buildSubtitlePlaylist({ id: 'sub-zh', file: 'sub-zh.vtt', language: 'zh', label: '中文' }, 24)).toBe(
      '#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:24\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:24.00000,\nsub-zh.vtt\n#EXT-X-ENDLIST\n',
    )
  })
})

describe('WebVTT', () => {
  test('a cue every few seconds with the given text', () => {
    const vtt = buildWebVtt(10, 4, (n, t) => `第 ${n} 条 @${t}`)
    expect(vtt).toBe(
      'WEBVTT\n\n' +
        '1\n00:00:00.000 --> 00:00:03.500\n第 1 条 @0\n\n' +
        '2\n00:00:04.000 --> 00:00:07.500\n第 2 条 @4\n\n' +
        '3\n00:00:08.000 --> 00:00:10.000\n第 3 条 @8\n\n',
    )
  })
})

describe('seek preview thumbnails', () => {
  const thumbnails: ThumbnailTrack = { file: 'thumbnails.jpg', tileWidth: 320, tileHeight: 180, columns: 4, rows: 3, everySeconds: 2, bandwidth: 33750 }
  const withThumbnails = (): ManifestInput => ({ ...input(true), durationSeconds: 24, thumbnails })

  test('a picture per interval begun in the clip, in as many columns as divide them evenly', () => {
    expect(thumbnailGrid(24, 2, 4)).toEqual({ count: 12, columns: 4, rows: 3 })
    expect(thumbnailGrid(23.5, 2, 4)).toEqual({ count: 12, columns: 4, rows: 3 })
    expect(thumbnailGrid(10, 2, 4)).toEqual({ count: 5, columns: 1, rows: 5 })
    expect(thumbnailGrid(1, 2, 4)).toEqual({ count: 1, columns: 1, rows: 1 })
  })

  test('the MPD has a DASH-IF thumbnail AdaptationSet: the sheet as one segment, its tiles, never encrypted', () => {
    const mpd = buildMpd(withThumbnails())
    assertBalancedXml(mpd)
    const image = mpd.slice(mpd.indexOf('contentType="image"'))
    expect(image).toContain('mimeType="image/jpeg"')
    expect(image).toContain('<SegmentTemplate media="thumbnails.jpg" timescale="1000" duration="24000" startNumber="1"/>')
    expect(image).toContain('<Representation id="thumbnails" bandwidth="33750" width="1280" height="540">')
    expect(image).toContain('<EssentialProperty schemeIdUri="http://dashif.org/thumbnail_tile" value="4x3"/>')
    expect(image.slice(0, image.indexOf('</AdaptationSet>'))).not.toContain('ContentProtection')
    expect(buildMpd(input(false))).not.toContain('contentType="image"')
  })

  test('HLS names the image playlist after the variants with a tile’s size, and it holds the sheet with its tiles', () => {
    const lines = buildMasterPlaylist(withThumbnails()).trim().split('\n')
    expect(lines[lines.length - 1]).toBe('#EXT-X-IMAGE-STREAM-INF:BANDWIDTH=33750,RESOLUTION=320x180,CODECS="jpeg",URI="thumbnails.m3u8"')
    const playlist = buildThumbnailPlaylist(thumbnails, 24).trim().split('\n')
    expect(playlist).toContain('#EXT-X-IMAGES-ONLY')
    expect(playlist.slice(-4)).toEqual(['#EXTINF:24.00000,', '#EXT-X-TILES:RESOLUTION=320x180,LAYOUT=4x3,DURATION=2.000', 'thumbnails.jpg', '#EXT-X-ENDLIST'])
    expect(playlist.some((line) => line.startsWith('#EXT-X-KEY'))).toBe(false)
  })
})

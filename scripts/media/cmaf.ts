// Rewrites one of ffmpeg's fragmented MP4 tracks (ftyp, empty moov, moof+mdat
// pairs) as a single-file CMAF track: ftyp, moov (with CENC signalling when
// encrypted), a sidx indexing every fragment, then the fragments — encrypted
// here with AES-128-CTR ('cenc' scheme), with senc/saiz/saio in every traf.
//
// Why not ffmpeg's own -encryption_* options: ffmpeg 4.1's mov muxer only
// writes senc/saiz/saio into the moov's stbl (non-fragmented layout); in
// fragmented mode its trafs carry no sample encryption info at all, so
// nothing downstream could decrypt. Measured with the @ffmpeg-installer build.
import crypto from 'node:crypto'
import {
  box, bytesToHex, children, concat, findPath, findPathWithAncestors, fourcc, fullBox, fullBoxHeader,
  insertIntoBoxes, readBoxes, readU16, readU32, readU64, u16, u32, u8, writeU32, type Box,
} from './mp4'

export interface TrackInfo {
  kind: 'video' | 'audio'
  trackId: number
  timescale: number
  /** Sample entry fourcc as written by ffmpeg (avc1, mp4a). */
  sampleEntry: string
  /** RFC 6381 codecs string, e.g. avc1.64001f or mp4a.40.2. */
  codecs: string
  width: number
  height: number
  /** NAL length field size for AVC, 0 for audio. */
  nalLengthSize: number
  language: string
  trex: { defaultDuration: number; defaultSize: number; defaultFlags: number }
}

export interface Sample {
  /** Absolute offset of the sample's data in the file. */
  offset: number
  size: number
  duration: number
  compositionOffset: number
}

export interface Fragment {
  /** moof start in the file. */
  offset: number
  /** moof + mdat bytes. */
  size: number
  decodeTime: number
  duration: number
  earliestPresentationTime: number
  samples: Sample[]
}

export interface PackagedTrack {
  info: TrackInfo
  encrypted: boolean
  /** Inclusive byte range of ftyp + moov. */
  initRange: [number, number]
  /** Inclusive byte range of the sidx. */
  indexRange: [number, number]
  fragments: Array<{ offset: number; size: number; decodeTime: number; duration: number }>
  durationSeconds: number
  /** Peak bits per second over the fragments. */
  bandwidth: number
  /** Average bits per second. */
  averageBandwidth: number
  totalSize: number
}

export interface Encryption {
  key: Uint8Array
  kid: Uint8Array
}

const CLEARKEY_COMMON_SYSTEM_ID = Uint8Array.from([
  0x10, 0x77, 0xef, 0xec, 0xc0, 0xb2, 0x4d, 0x02, 0xac, 0xe3, 0x3c, 0x1e, 0x52, 0xe2, 0xfb, 0x4b,
])

function must(buf: Uint8Array, path: string[], within?: Box): Box {
  const found = findPath(buf, path, within)
  if (!found) throw new Error(`cmaf: no ${path.join('/')} box`)
  return found
}

/** Reads what the manifests and the rewriter need from the init part (ftyp + moov). */
export function readTrackInfo(buf: Uint8Array): TrackInfo {
  const trak = must(buf, ['moov', 'trak'])
  const tkhd = must(buf, ['tkhd'], trak)
  const tkhdV = fullBoxHeader(buf, tkhd).version
  const trackId = readU32(buf, tkhd.start + 8 + 4 + (tkhdV === 1 ? 16 : 8))
  const mdhd = must(buf, ['mdia', 'mdhd'], trak)
  const mdhdV = fullBoxHeader(buf, mdhd).version
  const timescale = readU32(buf, mdhd.start + 8 + 4 + (mdhdV === 1 ? 16 : 8))
  const langAt = mdhd.start + 8 + 4 + (mdhdV === 1 ? 28 : 16)
  const packed = readU16(buf, langAt)
  const language = String.fromCharCode(((packed >> 10) & 31) + 0x60, ((packed >> 5) & 31) + 0x60, (packed & 31) + 0x60)
  const hdlr = must(buf, ['mdia', 'hdlr'], trak)
  const handler = fourcc(buf, hdlr.start + 16)
  const stsd = must(buf, ['mdia', 'minf', 'stbl', 'stsd'], trak)
  const entry = children(buf, stsd)[0]
  if (!entry) throw new Error('cmaf: empty stsd')
  const trexBox = findPath(buf, ['moov', 'mvex', 'trex'])
  const trex = trexBox
    ? {
        defaultDuration: readU32(buf, trexBox.start + 20),
        defaultSize: readU32(buf, trexBox.start + 24),
        defaultFlags: readU32(buf, trexBox.start + 28),
      }
    : { defaultDuration: 0, defaultSize: 0, defaultFlags: 0 }
  if (handler === 'vide') {
    if (entry.type !== 'avc1' && entry.type !== 'avc3') throw new Error(`cmaf: unsupported video sample entry ${entry.type}`)
    const width = readU16(buf, entry.start + 8 + 24)
    const height = readU16(buf, entry.start + 8 + 26)
    const avcC = must(buf, ['avcC'], entry)
    const p = avcC.start + 8
    const codecs = `${entry.type}.${bytesToHex(buf.subarray(p + 1, p + 4))}`
    const nalLengthSize = ((buf[p + 4] as number) & 3) + 1
    return { kind: 'video', trackId, timescale, sampleEntry: entry.type, codecs, width, height, nalLengthSize, language, trex }
  }
  if (handler === 'soun') {
    if (entry.type !== 'mp4a') throw new Error(`cmaf: unsupported audio sample entry ${entry.type}`)
    return { kind: 'audio', trackId, timescale, sampleEntry: entry.type, codecs: audioCodecs(buf, entry), width: 0, height: 0, nalLengthSize: 0, language, trex }
  }
  throw new Error(`cmaf: unsupported handler ${handler}`)
}

/** mp4a.40.<audio object type> from the esds DecoderSpecificInfo. */
function audioCodecs(buf: Uint8Array, entry: Box): string {
  const esds = findPath(buf, ['esds'], entry)
  if (!esds) return 'mp4a.40.2'
  // Walk descriptors: ES_Descriptor(3) > DecoderConfigDescriptor(4) > DecSpecificInfo(5).
  let at = esds.start + 12
  const end = esds.end
  let objectTypeIndication = 0x40
  while (at < end) {
    const tag = buf[at++] as number
    let len = 0
    for (let i = 0; i < 4; i++) {
      const b = buf[at++] as number
      len = (len << 7) | (b & 0x7f)
      if (!(b & 0x80)) break
    }
    if (tag === 3) {
      const flags = buf[at + 2] as number
      at += 3 + (flags & 0x80 ? 2 : 0) + (flags & 0x40 ? 1 + (buf[at + 3] as number) : 0) + (flags & 0x20 ? 2 : 0)
    } else if (tag === 4) {
      objectTypeIndication = buf[at] as number
      at += 13
    } else if (tag === 5) {
      const aot = (buf[at] as number) >> 3
      return `mp4a.${objectTypeIndication.toString(16)}.${aot}`
    } else {
      at += len
    }
  }
  return 'mp4a.40.2'
}

interface Trun {
  box: Box
  flags: number
  dataOffsetAt: number
  dataOffset: number
  samples: Sample[]
}

interface ParsedFragment extends Fragment {
  moof: Box
  mdat: Box
  mfhd: Box
  tfhd: Box
  tfdt: Box
  truns: Trun[]
}

/** Every moof/mdat pair of the file with its samples (sizes, durations, data offsets). */
export function readFragments(buf: Uint8Array, info: TrackInfo): ParsedFragment[] {
  const top = readBoxes(buf)
  const out: ParsedFragment[] = []
  for (let i = 0; i < top.length; i++) {
    const moof = top[i] as Box
    if (moof.type !== 'moof') continue
    const mdat = top[i + 1]
    if (!mdat || mdat.type !== 'mdat') throw new Error(`cmaf: moof at ${moof.start} is not followed by mdat`)
    const kids = children(buf, moof)
    const mfhd = kids.find((b) => b.type === 'mfhd')
    const trafs = kids.filter((b) => b.type === 'traf')
    if (!mfhd || trafs.length !== 1) throw new Error(`cmaf: moof at ${moof.start} needs one mfhd and one traf`)
    const traf = trafs[0] as Box
    const tk = children(buf, traf)
    const tfhd = tk.find((b) => b.type === 'tfhd')
    const tfdt = tk.find((b) => b.type === 'tfdt')
    if (!tfhd || !tfdt) throw new Error(`cmaf: traf at ${traf.start} needs tfhd and tfdt`)
    const unexpected = tk.filter((b) => !['tfhd', 'tfdt', 'trun'].includes(b.type))
    if (unexpected.length) throw new Error(`cmaf: unexpected ${unexpected.map((b) => b.type).join(',')} in traf`)

    const tf = fullBoxHeader(buf, tfhd).flags
    let at = tfhd.start + 16
    if (tf & 0x1) throw new Error('cmaf: tfhd base_data_offset is not supported (expected default-base-is-moof)')
    if (tf & 0x2) at += 4
    let defaultDuration = info.trex.defaultDuration
    let defaultSize = info.trex.defaultSize
    if (tf & 0x8) { defaultDuration = readU32(buf, at); at += 4 }
    if (tf & 0x10) { defaultSize = readU32(buf, at); at += 4 }
    const tfdtV = fullBoxHeader(buf, tfdt).version
    const decodeTime = tfdtV === 1 ? readU64(buf, tfdt.start + 12) : readU32(buf, tfdt.start + 12)

    const truns: Trun[] = []
    let nextDataStart = mdat.start + mdat.headerSize
    for (const trunBox of tk.filter((b) => b.type === 'trun')) {
      const { version, flags } = fullBoxHeader(buf, trunBox)
      const count = readU32(buf, trunBox.start + 12)
      let p = trunBox.start + 16
      let dataOffsetAt = -1
      let dataOffset = 0
      if (flags & 0x1) {
        dataOffsetAt = p
        dataOffset = readU32(buf, p) | 0
        p += 4
      }
      if (flags & 0x4) p += 4
      let dataStart = flags & 0x1 ? moof.start + dataOffset : nextDataStart
      const samples: Sample[] = []
      for (let s = 0; s < count; s++) {
        const duration = flags & 0x100 ? readU32(buf, (p += 4) - 4) : defaultDuration
        const size = flags & 0x200 ? readU32(buf, (p += 4) - 4) : defaultSize
        if (flags & 0x400) p += 4
        let compositionOffset = 0
        if (flags & 0x800) {
          const raw = readU32(buf, p)
          compositionOffset = version === 1 ? raw | 0 : raw
          p += 4
        }
        samples.push({ offset: dataStart, size, duration, compositionOffset })
        dataStart += size
      }
      nextDataStart = dataStart
      truns.push({ box: trunBox, flags, dataOffsetAt, dataOffset, samples })
    }
    const samples = truns.flatMap((t) => t.samples)
    if (!samples.length) throw new Error(`cmaf: empty fragment at ${moof.start}`)
    for (const s of samples) {
      if (s.offset < mdat.start + mdat.headerSize || s.offset + s.size > mdat.end) throw new Error(`cmaf: sample outside mdat in fragment at ${moof.start}`)
    }
    const duration = samples.reduce((n, s) => n + s.duration, 0)
    let t = decodeTime
    let ept = Infinity
    for (const s of samples) {
      ept = Math.min(ept, t + s.compositionOffset)
      t += s.duration
    }
    out.push({
      offset: moof.start, size: mdat.end - moof.start, decodeTime, duration, earliestPresentationTime: ept,
      samples, moof, mdat, mfhd, tfhd, tfdt, truns,
    })
  }
  if (!out.length) throw new Error('cmaf: no fragments (was the file written with -movflags +frag_keyframe+empty_moov?)')
  return out
}

/** Subsample map for one AVC sample: NAL length prefixes and headers stay clear, slice data is encrypted in 16-byte multiples. */
export function avcSubsamples(sample: Uint8Array, nalLengthSize: number): Array<[clear: number, encrypted: number]> {
  const out: Array<[number, number]> = []
  let pendingClear = 0
  const pushClear = (n: number): void => { pendingClear += n }
  const emit = (encrypted: number): void => {
    while (pendingClear > 0xffff) {
      out.push([0xffff, 0])
      pendingClear -= 0xffff
    }
    out.push([pendingClear, encrypted])
    pendingClear = 0
  }
  let at = 0
  while (at < sample.length) {
    if (at + nalLengthSize > sample.length) throw new Error('cmaf: truncated NAL length')
    let nalSize = 0
    for (let i = 0; i < nalLengthSize; i++) nalSize = nalSize * 256 + (sample[at + i] as number)
    const total = nalLengthSize + nalSize
    if (at + total > sample.length) throw new Error('cmaf: NAL overruns its sample')
    const nalType = (sample[at + nalLengthSize] as number) & 0x1f
    const isSlice = nalType >= 1 && nalType <= 5
    // Leave the length prefix, the NAL header byte and a little of the slice header clear.
    const minClear = nalLengthSize + 1
    const encrypted = isSlice ? Math.floor(Math.max(0, total - minClear) / 16) * 16 : 0
    pushClear(total - encrypted)
    if (encrypted > 0) emit(encrypted)
    at += total
  }
  if (pendingClear > 0 || out.length === 0) emit(0)
  return out
}

function incrementIv(iv: Uint8Array): void {
  for (let i = iv.length - 1; i >= 0; i--) {
    iv[i] = ((iv[i] as number) + 1) & 0xff
    if (iv[i] !== 0) break
  }
}

function encryptedSampleEntryParts(info: TrackInfo, enc: Encryption): Uint8Array {
  return box(
    'sinf',
    box('frma', Uint8Array.from(info.sampleEntry, (c) => c.charCodeAt(0))),
    fullBox('schm', 0, 0, Uint8Array.from('cenc', (c) => c.charCodeAt(0)), u32(0x00010000)),
    box('schi', fullBox('tenc', 0, 0, u8(0, 0, 1, 8), enc.kid)),
  )
}

/** The common-format (W3C ClearKey) pssh carrying the KID. */
export function clearKeyPssh(kid: Uint8Array): Uint8Array {
  return fullBox('pssh', 1, 0, CLEARKEY_COMMON_SYSTEM_ID, u32(1), kid, u32(0))
}

function buildInit(input: Uint8Array, info: TrackInfo, enc: Encryption | null): Uint8Array {
  const top = readBoxes(input)
  const ftyp = top.find((b) => b.type === 'ftyp')
  const moov = top.find((b) => b.type === 'moov')
  if (!ftyp || !moov) throw new Error('cmaf: missing ftyp or moov')
  let init = concat([input.subarray(ftyp.start, ftyp.end), input.subarray(moov.start, moov.end)])
  if (!enc) return init
  // sample entry avc1/mp4a → encv/enca with a sinf, then a pssh at the end of moov.
  const hit = findPathWithAncestors(init, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsd', info.sampleEntry])
  if (!hit) throw new Error('cmaf: sample entry not found')
  init = insertIntoBoxes(init, [...hit.ancestors, hit.box], hit.box.end, encryptedSampleEntryParts(info, enc))
  const renamed = info.kind === 'video' ? 'encv' : 'enca'
  for (let i = 0; i < 4; i++) init[hit.box.start + 4 + i] = renamed.charCodeAt(i)
  const moov2 = must(init, ['moov'])
  init = insertIntoBoxes(init, [moov2], moov2.end, clearKeyPssh(enc.kid))
  return init
}

function buildSidx(info: TrackInfo, fragments: Array<{ size: number; duration: number; earliestPresentationTime: number }>): Uint8Array {
  const ept = (fragments[0] as { earliestPresentationTime: number }).earliestPresentationTime
  const refs = fragments.map((f) => {
    if (f.size >= 0x80000000) throw new Error('cmaf: fragment too large for a sidx reference')
    return concat([u32(f.size), u32(f.duration), u32(0x90000000)]) // starts_with_SAP=1, SAP_type=1
  })
  return fullBox('sidx', 1, 0, u32(info.trackId), u32(info.timescale), u32(Math.floor(ept / 0x100000000)), u32(ept >>> 0), u32(0), u32(0), u16(0), u16(fragments.length), ...refs)
}

/**
 * Rewrites one ffmpeg fragmented track as single-file CMAF, encrypting it when
 * `enc` is given. `ivSeed` (8 bytes) makes the output deterministic for tests.
 */
export function packageTrack(input: Uint8Array, enc: Encryption | null, ivSeed?: Uint8Array): { output: Uint8Array; track: PackagedTrack } {
  const info = readTrackInfo(input)
  const fragments = readFragments(input, info)
  const init = buildInit(input, info, enc)
  const iv = ivSeed ? Uint8Array.from(ivSeed) : new Uint8Array(crypto.randomBytes(8))
  if (iv.length !== 8) throw new Error('cmaf: the IV seed is 8 bytes')

  const outFragments: Uint8Array[] = []
  for (const f of fragments) {
    const mdat = Uint8Array.from(input.subarray(f.mdat.start, f.mdat.end))
    const mdatDataStart = f.mdat.start
    const trafParts: Uint8Array[] = [input.subarray(f.tfhd.start, f.tfhd.end), input.subarray(f.tfdt.start, f.tfdt.end)]
    const truns = f.truns.map((t) => Uint8Array.from(input.subarray(t.box.start, t.box.end)))
    let extra: Uint8Array[] = []
    if (enc) {
      const useSubsamples = info.kind === 'video'
      const auxSizes: number[] = []
      const sencEntries: Uint8Array[] = []
      for (const s of f.samples) {
        const sampleIv = Uint8Array.from(iv)
        incrementIv(iv)
        const local = s.offset - mdatDataStart
        const data = mdat.subarray(local, local + s.size)
        const cipher = crypto.createCipheriv('aes-128-ctr', enc.key, concat([sampleIv, new Uint8Array(8)]))
        if (useSubsamples) {
          const subs = avcSubsamples(data, info.nalLengthSize)
          let p = 0
          for (const [clear, encrypted] of subs) {
            p += clear
            if (encrypted) {
              const part = data.subarray(p, p + encrypted)
              part.set(cipher.update(part))
              p += encrypted
            }
          }
          const entry = concat([sampleIv, u16(subs.length), ...subs.map(([c, e]) => concat([u16(c), u32(e)]))])
          sencEntries.push(entry)
          auxSizes.push(entry.length)
        } else {
          data.set(cipher.update(data))
          sencEntries.push(sampleIv)
          auxSizes.push(8)
        }
        cipher.final()
      }
      if (auxSizes.some((n) => n > 255)) throw new Error('cmaf: too many subsamples for saiz')
      const senc = fullBox('senc', 0, useSubsamples ? 0x2 : 0, u32(f.samples.length), ...sencEntries)
      const allSame = auxSizes.every((n) => n === auxSizes[0])
      const saiz = allSame
        ? fullBox('saiz', 0, 0, u8(auxSizes[0] as number), u32(auxSizes.length))
        : fullBox('saiz', 0, 0, u8(0), u32(auxSizes.length), Uint8Array.from(auxSizes))
      // saio: offset of the first senc entry from the moof start (default-base-is-moof).
      const sencAt = 8 + f.mfhd.size + 8 + trafParts.reduce((n, p) => n + p.length, 0) + truns.reduce((n, t) => n + t.length, 0)
      const saio = fullBox('saio', 0, 0, u32(1), u32(sencAt + 16))
      extra = [senc, saiz, saio]
    }
    const newMoofSize = 8 + f.mfhd.size + 8 + [...trafParts, ...truns, ...extra].reduce((n, p) => n + p.length, 0)
    const growth = newMoofSize - f.moof.size
    f.truns.forEach((t, i) => {
      if (t.dataOffsetAt >= 0) writeU32(truns[i] as Uint8Array, t.dataOffsetAt - t.box.start, (t.dataOffset + growth) >>> 0)
    })
    const traf = box('traf', ...trafParts, ...truns, ...extra)
    const moof = box('moof', input.subarray(f.mfhd.start, f.mfhd.end), traf)
    if (moof.length !== newMoofSize) throw new Error('cmaf: moof size bookkeeping')
    outFragments.push(concat([moof, mdat]))
  }

  const sidx = buildSidx(info, fragments.map((f, i) => ({ size: (outFragments[i] as Uint8Array).length, duration: f.duration, earliestPresentationTime: f.earliestPresentationTime })))
  const output = concat([init, sidx, ...outFragments])
  let at = init.length + sidx.length
  const placed = fragments.map((f, i) => {
    const size = (outFragments[i] as Uint8Array).length
    const r = { offset: at, size, decodeTime: f.decodeTime, duration: f.duration }
    at += size
    return r
  })
  const totalDuration = placed.reduce((n, f) => n + f.duration, 0)
  const rates = placed.map((f) => (f.size * 8 * info.timescale) / Math.max(1, f.duration))
  const mediaBytes = placed.reduce((n, f) => n + f.size, 0)
  return {
    output,
    track: {
      info,
      encrypted: !!enc,
      initRange: [0, init.length - 1],
      indexRange: [init.length, init.length + sidx.length - 1],
      fragments: placed,
      durationSeconds: totalDuration / info.timescale,
      bandwidth: Math.ceil(Math.max(...rates)),
      averageBandwidth: Math.ceil((mediaBytes * 8 * info.timescale) / Math.max(1, totalDuration)),
      totalSize: output.length,
    },
  }
}

/** Checks a packaged file: sidx present and consistent, and (when encrypted) CENC boxes in moov and every traf. */
export function verifyPackaged(buf: Uint8Array, expectEncrypted: boolean): { fragments: number; encryptedFragments: number } {
  const top = readBoxes(buf)
  const sidx = top.find((b) => b.type === 'sidx')
  if (!sidx) throw new Error('verify: no sidx')
  const moofs = top.filter((b) => b.type === 'moof')
  const refCount = readU16(buf, sidx.start + 8 + 4 + 8 + 16 + 2)
  if (refCount !== moofs.length) throw new Error(`verify: sidx has ${refCount} references for ${moofs.length} fragments`)
  let encryptedFragments = 0
  for (const moof of moofs) {
    const traf = must(buf, ['traf'], moof)
    const kinds = new Set(children(buf, traf).map((b) => b.type))
    if (kinds.has('senc') && kinds.has('saiz') && kinds.has('saio')) encryptedFragments++
  }
  const tenc = findPath(buf, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsd', '*', 'sinf', 'schi', 'tenc'])
  if (expectEncrypted) {
    if (!tenc) throw new Error('verify: no tenc in the init segment')
    if (encryptedFragments !== moofs.length) throw new Error(`verify: only ${encryptedFragments}/${moofs.length} fragments carry senc/saiz/saio`)
  } else if (tenc || encryptedFragments) {
    throw new Error('verify: clear track carries encryption boxes')
  }
  return { fragments: moofs.length, encryptedFragments }
}

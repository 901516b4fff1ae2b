import crypto from 'node:crypto'
import { avcSubsamples, clearKeyPssh, packageTrack, readFragments, readTrackInfo, verifyPackaged } from './cmaf'
import {
  box, bytesToHex, children, concat, findAll, findPath, fullBox, fullBoxHeader, hexToBytes, insertIntoBoxes,
  kidToUuid, payload, readBoxes, readU16, readU32, u16, u32, u8, walk,
} from './mp4'

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))

describe('box walker', () => {
  test('reads boxes laid end to end, including a 64-bit largesize and a size-0 last box', () => {
    const a = box('free', u8(1, 2, 3))
    const large = concat([u32(1), ascii('skip'), u32(0), u32(20), u8(9, 9, 9, 9)])
    const last = concat([u32(0), ascii('mdat'), u8(7, 7)])
    const boxes = readBoxes(concat([a, large, last]))
    expect(boxes.map((b) => [b.type, b.start, b.size, b.headerSize])).toEqual([
      ['free', 0, 11, 8],
      ['skip', 11, 20, 16],
      ['mdat', 31, 10, 8],
    ])
  })

  test('rejects a box that overruns its parent and a truncated header', () => {
    expect(() => readBoxes(concat([u32(50), ascii('free'), u8(1)]))).toThrow(/beyond its parent/)
    expect(() => readBoxes(u8(0, 0, 0))).toThrow(/truncated/)
  })

  test('walks containers and finds boxes by path, skipping stsd and sample-entry fields', () => {
    const avcC = box('avcC', u8(1, 0x64, 0x00, 0x1f, 0xff, 0xe0, 0))
    const avc1 = box('avc1', new Uint8Array(78), avcC)
    const stsd = fullBox('stsd', 0, 0, u32(1), avc1)
    const moov = box('moov', box('trak', box('mdia', box('minf', box('stbl', stsd)))))
    const buf = concat([box('ftyp', ascii('isom'), u32(0)), moov])
    const tree = walk(buf)
    expect(tree.map((n) => n.type)).toEqual(['ftyp', 'moov'])
    const found = findPath(buf, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsd', 'avc1', 'avcC'])
    expect(found).not.toBeNull()
    expect(Array.from(payload(buf, found!))).toEqual([1, 0x64, 0x00, 0x1f, 0xff, 0xe0, 0])
    expect(findPath(buf, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsd', '*', 'avcC'])?.start).toBe(found!.start)
    expect(findPath(buf, ['moov', 'mvex'])).toBeNull()
    expect(findAll(buf, 'avcC')).toHaveLength(1)
  })

  test('full box headers, integer readers and hex/UUID helpers', () => {
    const b = fullBox('tfhd', 1, 0x020008, u32(7))
    const [tfhd] = readBoxes(b)
    expect(fullBoxHeader(b, tfhd!)).toEqual({ version: 1, flags: 0x020008 })
    expect(readU32(b, 12)).toBe(7)
    expect(readU16(u16(0xbeef), 0)).toBe(0xbeef)
    expect(bytesToHex(hexToBytes('00ff10'))).toBe('00ff10')
    expect(kidToUuid('0123456789ABCDEF0123456789abcdef')).toBe('01234567-89ab-cdef-0123-456789abcdef')
    expect(() => kidToUuid('1234')).toThrow()
  })

  test('insertIntoBoxes grows every ancestor size', () => {
    const buf = box('moov', box('trak', box('tkhd', u8(0))))
    const trak = children(buf, readBoxes(buf)[0]!)[0]!
    const out = insertIntoBoxes(buf, [readBoxes(buf)[0]!, trak], trak.end, box('free'))
    expect(readU32(out, 0)).toBe(buf.length + 8)
    const newTrak = children(out, readBoxes(out)[0]!)[0]!
    expect(children(out, newTrak).map((b) => b.type)).toEqual(['tkhd', 'free'])
  })

  test('the ClearKey common pssh is version 1 with the KID', () => {
    const kid = hexToBytes('0123456789abcdef0123456789abcdef')
    const pssh = clearKeyPssh(kid)
    expect(bytesToHex(pssh.subarray(12, 28))).toBe('1077efecc0b24d02ace33c1e52e2fb4b')
    expect(pssh[8]).toBe(1)
    expect(readU32(pssh, 28)).toBe(1)
    expect(bytesToHex(pssh.subarray(32, 48))).toBe(bytesToHex(kid))
  })
})

describe('AVC subsamples', () => {
  const nal = (type: number, bodyLength: number): Uint8Array => concat([u32(bodyLength + 1), u8(type), new Uint8Array(bodyLength).fill(0xab)])

  test('slice data is encrypted in 16-byte blocks; headers, SEI and SPS stay clear', () => {
    const sample = concat([nal(6, 10), nal(5, 100)])
    // SEI: 4+11 clear. IDR: 4+101 = 105 bytes, 96 encrypted, 9 clear.
    expect(avcSubsamples(sample, 4)).toEqual([[15 + 9, 96]])
    expect(avcSubsamples(concat([nal(1, 40), nal(1, 3)]), 4)).toEqual([[13, 32], [8, 0]])
  })

  test('large clear runs split at 65535 and a bad length throws', () => {
    const big = nal(6, 70000)
    const subs = avcSubsamples(big, 4)
    expect(subs.reduce((n, [c, e]) => n + c + e, 0)).toBe(big.length)
    expect(subs.every(([c]) => c <= 0xffff)).toBe(true)
    expect(() => avcSubsamples(u8(0, 0, 0, 50, 0x65), 4)).toThrow(/overruns/)
  })
})

/** A minimal ffmpeg-like fragmented AVC track: ftyp, moov (empty tables, mvex/trex), then moof+mdat pairs. */
function syntheticVideoTrack(fragments: Uint8Array[][]): Uint8Array {
  const avcC = box('avcC', u8(1, 0x64, 0x00, 0x1f, 0xff, 0xe0, 0))
  const entryFields = new Uint8Array(78)
  entryFields.set(u16(1), 6) // data_reference_index
  entryFields.set(u16(640), 24)
  entryFields.set(u16(360), 26)
  const avc1 = box('avc1', entryFields, avcC)
  const mdhd = fullBox('mdhd', 0, 0, u32(0), u32(0), u32(12800), u32(0), u16(0x55c4), u16(0))
  const hdlr = fullBox('hdlr', 0, 0, u32(0), ascii('vide'), new Uint8Array(12), u8(0))
  const stbl = box('stbl', fullBox('stsd', 0, 0, u32(1), avc1), fullBox('stts', 0, 0, u32(0)), fullBox('stsc', 0, 0, u32(0)), fullBox('stsz', 0, 0, u32(0), u32(0)), fullBox('stco', 0, 0, u32(0)))
  const trak = box('trak', fullBox('tkhd', 0, 3, u32(0), u32(0), u32(1), u32(0), u32(0)), box('mdia', mdhd, hdlr, box('minf', stbl)))
  const mvex = box('mvex', fullBox('trex', 0, 0, u32(1), u32(1), u32(512), u32(0), u32(0)))
  const moov = box('moov', trak, mvex)
  const parts: Uint8Array[] = [box('ftyp', ascii('isom'), u32(512), ascii('isomiso6')), moov]
  let decodeTime = 0
  fragments.forEach((samples, i) => {
    const trunBody = (dataOffset: number): Uint8Array =>
      fullBox('trun', 0, 0x1 | 0x200, u32(samples.length), u32(dataOffset), ...samples.map((s) => u32(s.length)))
    const tfhd = fullBox('tfhd', 0, 0x020000, u32(1))
    const tfdt = fullBox('tfdt', 1, 0, u32(0), u32(decodeTime))
    const mfhd = fullBox('mfhd', 0, 0, u32(i + 1))
    const moofSize = 8 + mfhd.length + 8 + tfhd.length + tfdt.length + trunBody(0).length
    const moof = box('moof', mfhd, box('traf', tfhd, tfdt, trunBody(moofSize + 8)))
    parts.push(moof, box('mdat', ...samples))
    decodeTime += samples.length * 512
  })
  return concat(parts)
}

const nalUnit = (type: number, length: number, seed: number): Uint8Array => {
  const body = Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff)
  return concat([u32(length + 1), u8(type), body])
}

describe('packageTrack', () => {
  const samplesA = [concat([nalUnit(6, 12, 1), nalUnit(5, 300, 2)]), nalUnit(1, 120, 3)]
  const samplesB = [nalUnit(5, 250, 4), nalUnit(1, 33, 5), nalUnit(1, 7, 6)]
  const input = syntheticVideoTrack([samplesA, samplesB])

  test('reads the track info and fragments of the input', () => {
    const info = readTrackInfo(input)
    expect(info).toMatchObject({ kind: 'video', trackId: 1, timescale: 12800, codecs: 'avc1.64001f', width: 640, height: 360, nalLengthSize: 4, language: 'und' })
    const fragments = readFragments(input, info)
    expect(fragments.map((f) => [f.decodeTime, f.duration, f.samples.length])).toEqual([[0, 1024, 2], [1024, 1536, 3]])
  })

  test('a clear track gets a sidx whose references match the fragments', () => {
    const { output, track } = packageTrack(input, null)
    expect(verifyPackaged(output, false)).toEqual({ fragments: 2, encryptedFragments: 0 })
    expect(readBoxes(output).map((b) => b.type)).toEqual(['ftyp', 'moov', 'sidx', 'moof', 'mdat', 'moof', 'mdat'])
    const sidx = readBoxes(output).find((b) => b.type === 'sidx')!
    expect(track.indexRange).toEqual([sidx.start, sidx.end - 1])
    expect(track.initRange).toEqual([0, sidx.start - 1])
    expect(track.fragments[0]!.offset).toBe(sidx.end)
    // reference 0: size and duration
    expect(readU32(output, sidx.start + 40) & 0x7fffffff).toBe(track.fragments[0]!.size)
    expect(readU32(output, sidx.start + 44)).toBe(1024)
    expect(track.durationSeconds).toBeCloseTo(2560 / 12800)
  })

  test('an encrypted track carries CENC signalling and decrypts back to the input samples', () => {
    const key = hexToBytes('00112233445566778899aabbccddeeff')
    const kid = hexToBytes('0123456789abcdef0123456789abcdef')
    const { output } = packageTrack(input, { key, kid }, hexToBytes('0000000000000001'))
    expect(verifyPackaged(output, true)).toEqual({ fragments: 2, encryptedFragments: 2 })
    const entry = findPath(output, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsd', 'encv'])
    expect(entry).not.toBeNull()
    expect(bytesToHex(payload(output, findPath(output, ['sinf', 'frma'], entry!)!))).toBe(bytesToHex(ascii('avc1')))
    const tenc = findPath(output, ['sinf', 'schi', 'tenc'], entry!)!
    expect(bytesToHex(output.subarray(tenc.start + 16, tenc.start + 32))).toBe(bytesToHex(kid))
    expect(findPath(output, ['moov', 'pssh'])).not.toBeNull()

    const originals = [samplesA, samplesB]
    readBoxes(output).filter((b) => b.type === 'moof').forEach((moof, fi) => {
      const traf = findPath(output, ['traf'], moof)!
      const trun = findPath(output, ['trun'], traf)!
      const senc = findPath(output, ['senc'], traf)!
      const saio = findPath(output, ['saio'], traf)!
      expect(fullBoxHeader(output, senc).flags).toBe(2)
      // saio points at the first IV inside senc, relative to the moof.
      expect(moof.start + readU32(output, saio.start + 16)).toBe(senc.start + 16)
      const dataStart = moof.start + readU32(output, trun.start + 16)
      const mdat = readBoxes(output, moof.end).find((b) => b.type === 'mdat')!
      expect(dataStart).toBe(mdat.start + 8)
      let at = senc.start + 16
      let p = dataStart
      for (const original of originals[fi]!) {
        const iv = output.slice(at, at + 8)
        const count = readU16(output, at + 8)
        at += 10
        const sample = Uint8Array.from(output.subarray(p, p + original.length))
        const sealed = bytesToHex(sample)
        let encryptedBytes = 0
        const decipher = crypto.createDecipheriv('aes-128-ctr', key, concat([iv, new Uint8Array(8)]))
        let q = 0
        for (let s = 0; s < count; s++) {
          const clear = readU16(output, at)
          const enc = readU32(output, at + 2)
          at += 6
          q += clear
          sample.set(decipher.update(sample.subarray(q, q + enc)), q)
          q += enc
          encryptedBytes += enc
        }
        expect(q).toBe(original.length)
        // Samples too small for one 16-byte block stay clear; the rest were sealed.
        if (encryptedBytes > 0) expect(sealed).not.toBe(bytesToHex(original))
        else expect(original.length).toBeLessThan(4 + 1 + 16)
        expect(bytesToHex(sample)).toBe(bytesToHex(original))
        p += original.length
      }
    })
  })

  test('each sample gets its own IV', () => {
    const { output } = packageTrack(input, { key: new Uint8Array(16), kid: new Uint8Array(16) }, hexToBytes('00000000000000ff'))
    const senc = findAll(output, 'senc')[0]!
    expect(bytesToHex(output.subarray(senc.start + 16, senc.start + 24))).toBe('00000000000000ff')
    const count = readU16(output, senc.start + 24)
    const second = senc.start + 16 + 10 + count * 6
    expect(bytesToHex(output.subarray(second, second + 8))).toBe('0000000000000100')
  })
})

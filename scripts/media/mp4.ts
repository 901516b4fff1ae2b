// A small ISO-BMFF (MP4) box walker and writer: enough to read ffmpeg's
// fragmented MP4 (init + moof/mdat), rewrite it as CMAF with a sidx and CENC
// sample encryption, and verify the result. Pure functions over Uint8Array.

export interface Box {
  type: string
  /** Offset of the box's first byte (its size field) in the buffer. */
  start: number
  /** Total size including the header. */
  size: number
  /** 8, or 16 for a 64-bit largesize. */
  headerSize: number
  /** start + size */
  end: number
}

export interface BoxNode extends Box {
  children: BoxNode[]
}

/** Boxes whose payload is just child boxes. */
const CONTAINERS = new Set([
  'moov', 'trak', 'mdia', 'minf', 'stbl', 'dinf', 'edts', 'mvex', 'moof', 'traf', 'mfra', 'sinf', 'schi', 'udta',
])
/** Sample entries: bytes to skip after the box header before child boxes begin. */
const SAMPLE_ENTRY_SKIP: Record<string, number> = {
  avc1: 78, avc3: 78, encv: 78, hvc1: 78, hev1: 78,
  mp4a: 28, enca: 28,
}

export function fourcc(buf: Uint8Array, at: number): string {
  return String.fromCharCode(buf[at] as number, buf[at + 1] as number, buf[at + 2] as number, buf[at + 3] as number)
}

export function readU16(buf: Uint8Array, at: number): number {
  return ((buf[at] as number) << 8) | (buf[at + 1] as number)
}

export function readU32(buf: Uint8Array, at: number): number {
  return (((buf[at] as number) << 24) >>> 0) + (((buf[at + 1] as number) << 16) | ((buf[at + 2] as number) << 8) | (buf[at + 3] as number))
}

export function readU64(buf: Uint8Array, at: number): number {
  return readU32(buf, at) * 0x100000000 + readU32(buf, at + 4)
}

export function writeU32(buf: Uint8Array, at: number, value: number): void {
  buf[at] = (value >>> 24) & 0xff
  buf[at + 1] = (value >>> 16) & 0xff
  buf[at + 2] = (value >>> 8) & 0xff
  buf[at + 3] = value & 0xff
}

/** The boxes laid end to end in buf[start, end). Throws on a truncated or malformed box. */
export function readBoxes(buf: Uint8Array, start = 0, end = buf.length): Box[] {
  const boxes: Box[] = []
  let at = start
  while (at < end) {
    if (end - at < 8) throw new Error(`mp4: truncated box header at ${at}`)
    let size = readU32(buf, at)
    const type = fourcc(buf, at + 4)
    let headerSize = 8
    if (size === 1) {
      if (end - at < 16) throw new Error(`mp4: truncated largesize header at ${at}`)
      size = readU64(buf, at + 8)
      headerSize = 16
    } else if (size === 0) {
      size = end - at
    }
    if (size < headerSize || at + size > end) {
      throw new Error(`mp4: box '${type}' at ${at} has size ${size} beyond its parent (end ${end})`)
    }
    boxes.push({ type, start: at, size, headerSize, end: at + size })
    at += size
  }
  return boxes
}

/** Where a box's children begin, or -1 if the box is not a container this walker knows. */
export function childOffset(buf: Uint8Array, box: Box): number {
  if (CONTAINERS.has(box.type)) return box.start + box.headerSize
  if (box.type === 'stsd') return box.start + box.headerSize + 8 // version/flags + entry_count
  if (box.type === 'meta') return box.start + box.headerSize + 4
  const skip = SAMPLE_ENTRY_SKIP[box.type]
  if (skip !== undefined) {
    // AudioSampleEntry v1/v2 (QuickTime) carry extra fields; ffmpeg writes v0 for mp4.
    if ((box.type === 'mp4a' || box.type === 'enca') && readU16(buf, box.start + box.headerSize + 8) !== 0) return -1
    return box.start + box.headerSize + skip
  }
  return -1
}

export function children(buf: Uint8Array, box: Box): Box[] {
  const at = childOffset(buf, box)
  return at < 0 ? [] : readBoxes(buf, at, box.end)
}

/** The whole tree of known containers. */
export function walk(buf: Uint8Array, start = 0, end = buf.length): BoxNode[] {
  return readBoxes(buf, start, end).map((b) => toNode(buf, b))
}

function toNode(buf: Uint8Array, box: Box): BoxNode {
  return { ...box, children: children(buf, box).map((c) => toNode(buf, c)) }
}

/** The first box at a path such as ['moov', 'trak', 'mdia', 'mdhd'], searching from the top level. */
export function findPath(buf: Uint8Array, path: string[], within?: Box): Box | null {
  return findPathWithAncestors(buf, path, within)?.box ?? null
}

/** Like findPath, also returning every ancestor (outermost first), for size patching. */
export function findPathWithAncestors(buf: Uint8Array, path: string[], within?: Box): { box: Box; ancestors: Box[] } | null {
  let level = within ? children(buf, within) : readBoxes(buf)
  const ancestors: Box[] = within ? [within] : []
  for (let i = 0; i < path.length; i++) {
    const want = path[i]
    const found = level.find((b) => want === '*' || b.type === want)
    if (!found) return null
    if (i === path.length - 1) return { box: found, ancestors }
    ancestors.push(found)
    level = children(buf, found)
  }
  return null
}

/** Every box of a type anywhere in the known tree, in file order. */
export function findAll(buf: Uint8Array, type: string): Box[] {
  const out: Box[] = []
  const visit = (nodes: BoxNode[]): void => {
    for (const n of nodes) {
      if (n.type === type) out.push({ type: n.type, start: n.start, size: n.size, headerSize: n.headerSize, end: n.end })
      visit(n.children)
    }
  }
  visit(walk(buf))
  return out
}

/** The payload of a box (after its header). */
export function payload(buf: Uint8Array, box: Box): Uint8Array {
  return buf.subarray(box.start + box.headerSize, box.end)
}

/** Version and flags of a full box. */
export function fullBoxHeader(buf: Uint8Array, box: Box): { version: number; flags: number } {
  const at = box.start + box.headerSize
  return { version: buf[at] as number, flags: ((buf[at + 1] as number) << 16) | ((buf[at + 2] as number) << 8) | (buf[at + 3] as number) }
}

// ---- writing -------------------------------------------------------------

export function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0)
  const out = new Uint8Array(total)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

export function u8(...values: number[]): Uint8Array {
  return Uint8Array.from(values)
}

export function u16(value: number): Uint8Array {
  return u8((value >>> 8) & 0xff, value & 0xff)
}

export function u32(value: number): Uint8Array {
  const out = new Uint8Array(4)
  writeU32(out, 0, value)
  return out
}

export function u64(value: number): Uint8Array {
  const out = new Uint8Array(8)
  writeU32(out, 0, Math.floor(value / 0x100000000))
  writeU32(out, 4, value >>> 0)
  return out
}

export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0))
}

/** A plain box with a 32-bit size. */
export function box(type: string, ...parts: Uint8Array[]): Uint8Array {
  if (type.length !== 4) throw new Error(`mp4: bad box type '${type}'`)
  const body = concat(parts)
  return concat([u32(body.length + 8), ascii(type), body])
}

export function fullBox(type: string, version: number, flags: number, ...parts: Uint8Array[]): Uint8Array {
  return box(type, u8(version, (flags >>> 16) & 0xff, (flags >>> 8) & 0xff, flags & 0xff), ...parts)
}

/**
 * Inserts bytes at `at` inside the given (nested) boxes and grows each of their
 * 32-bit size fields to match. Returns a new buffer.
 */
export function insertIntoBoxes(buf: Uint8Array, ancestors: Box[], at: number, bytes: Uint8Array): Uint8Array {
  const out = concat([buf.subarray(0, at), bytes, buf.subarray(at)])
  for (const a of ancestors) {
    if (a.headerSize !== 8) throw new Error(`mp4: cannot grow largesize box '${a.type}'`)
    if (at < a.start + a.headerSize || at > a.end) throw new Error(`mp4: insertion at ${at} is outside '${a.type}'`)
    writeU32(out, a.start, a.size + bytes.length)
  }
  return out
}

export function hexToBytes(hex: string): Uint8Array {
  if (!/^([0-9a-f]{2})*$/i.test(hex)) throw new Error(`mp4: bad hex '${hex}'`)
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16))
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** 32 hex digits → the 8-4-4-4-12 UUID form used by cenc:default_KID. */
export function kidToUuid(kidHex: string): string {
  const h = kidHex.toLowerCase()
  if (!/^[0-9a-f]{32}$/.test(h)) throw new Error(`mp4: a KID is 32 hex digits, got '${kidHex}'`)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

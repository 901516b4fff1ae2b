import zlib from 'node:zlib'
import type { ArchiveEntry } from './zip'

/**
 * Reading a webOS .ipk back (ares-package writes it): an `ar` archive of
 * debian-binary, control.tar.gz and data.tar.gz, as Debian packages are.
 */
export function readAr(archive: Buffer): ArchiveEntry[] {
  if (archive.toString('latin1', 0, 8) !== '!<arch>\n') throw new Error('not an ar archive')
  const members: ArchiveEntry[] = []
  let at = 8
  while (at + 60 <= archive.length) {
    const name = archive.toString('latin1', at, at + 16).trim().replace(/\/$/, '')
    const size = Number(archive.toString('latin1', at + 48, at + 58).trim())
    if (archive.toString('latin1', at + 58, at + 60) !== '`\n') throw new Error(`broken ar header at ${at}`)
    members.push({ name, data: archive.subarray(at + 60, at + 60 + size) })
    at += 60 + size + (size % 2) // members are padded to an even offset
  }
  return members
}

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length)
  const nul = raw.indexOf(0)
  return raw.toString('utf8', 0, nul < 0 ? raw.length : nul)
}

/** Regular files of a gzipped tar (ustar, with pax or GNU long names), directories left out. */
export function readTarGz(tarGz: Buffer): ArchiveEntry[] {
  const tar = zlib.gunzipSync(tarGz)
  const files: ArchiveEntry[] = []
  let longName: string | null = null
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512)
    if (header.every((byte) => byte === 0)) break
    const size = parseInt(field(header, 124, 12).trim() || '0', 8)
    const type = String.fromCharCode(header[156] as number)
    const prefix = field(header, 345, 155)
    const body = tar.subarray(at + 512, at + 512 + size)
    at += 512 + Math.ceil(size / 512) * 512
    if (type === 'x') {
      longName = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1] ?? null
      continue
    }
    if (type === 'L') {
      longName = body.toString('utf8').replace(/\0+$/, '')
      continue
    }
    const name = (longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100))).replace(/^\.\//, '')
    longName = null
    if (type === '0' || type === '\0') files.push({ name, data: Buffer.from(body) })
  }
  return files
}

import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.mpd': 'application/dash+xml',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.mp4': 'video/mp4',
  '.m4s': 'video/iso.segment',
  '.vtt': 'text/vtt; charset=utf-8',
}

export type ExtraHandler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean

export interface StaticServer {
  origin: string
  close(): Promise<void>
}

/** Serves a file with HTTP Range support (Shaka fetches segments by byte range). */
function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string): void {
  const size = fs.statSync(file).size
  res.setHeader('content-type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream')
  res.setHeader('accept-ranges', 'bytes')
  res.setHeader('access-control-allow-origin', '*')
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '')
  if (range) {
    const start = range[1] ? Number(range[1]) : size - Number(range[2])
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1
    if (start > end || start >= size) {
      res.writeHead(416, { 'content-range': `bytes */${size}` }).end()
      return
    }
    res.writeHead(206, { 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 })
    fs.createReadStream(file, { start, end }).pipe(res)
    return
  }
  res.writeHead(200, { 'content-length': size })
  fs.createReadStream(file).pipe(res)
}

/**
 * A loopback static server for end-to-end tests: URL prefix → folder (the
 * longest prefix wins; '/' serves index.html for folders), plus an optional
 * handler that may answer first.
 */
export function startStaticServer(options: { routes: Record<string, string>; extra?: ExtraHandler }): Promise<StaticServer> {
  const prefixes = Object.keys(options.routes).sort((a, b) => b.length - a.length)
  const server = http.createServer((req, res) => {
    if (options.extra?.(req, res)) return
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
    const prefix = prefixes.find((p) => pathname.startsWith(p))
    if (!prefix) return void res.writeHead(404).end()
    const root = path.resolve(options.routes[prefix] as string)
    let file = path.resolve(root, '.' + pathname.slice(prefix.length - 1))
    if (!file.startsWith(root)) return void res.writeHead(403).end()
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html')
    if (!fs.existsSync(file)) return void res.writeHead(404).end()
    sendFile(req, res, file)
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      })
    })
  })
}

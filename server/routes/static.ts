// Files: the packaged media at /media/ (with Range) and the built TV app at /.
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { errorBody } from '../lib/errors'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.mpd': 'application/dash+xml',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.mp4': 'video/mp4',
  '.m4s': 'video/iso.segment',
  '.m4v': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
}

const MEDIA_EXTENSIONS = new Set(['.mpd', '.m3u8', '.mp4', '.m4s', '.m4v', '.m4a', '.vtt', '.jpg'])

/** Resolves a URL path inside root, refusing traversal and dotfiles; null when not a readable file. */
export function safeFile(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const parts = decoded.split('/').filter(Boolean)
  if (parts.some((p) => p === '..' || p.startsWith('.'))) return null
  const full = path.resolve(root, ...parts)
  const rootResolved = path.resolve(root)
  if (full !== rootResolved && !full.startsWith(rootResolved + path.sep)) return null
  try {
    return fs.statSync(full).isFile() ? full : null
  } catch {
    return null
  }
}

function sendFile(req: FastifyRequest, reply: FastifyReply, file: string, cacheControl: string): FastifyReply {
  const stat = fs.statSync(file)
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
  void reply.type(type).header('cache-control', cacheControl).header('accept-ranges', 'bytes').header('last-modified', stat.mtime.toUTCString())
  const range = req.headers.range
  if (typeof range === 'string' && range.startsWith('bytes=')) {
    const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim())
    let start = m && m[1] !== '' ? Number(m[1]) : NaN
    let end = m && m[2] !== '' ? Number(m[2]) : NaN
    if (m && m[1] === '' && m[2] !== '') {
      start = Math.max(0, stat.size - Number(m[2]))
      end = stat.size - 1
    } else if (m && m[2] === '') end = stat.size - 1
    if (!m || !Number.isFinite(start) || !Number.isFinite(end) || start > end || start >= stat.size) {
      return reply.code(416).header('content-range', `bytes */${stat.size}`).type('application/json; charset=utf-8').send(errorBody('range_not_satisfiable', 'Bad Range'))
    }
    end = Math.min(end, stat.size - 1)
    void reply.code(206).header('content-range', `bytes ${start}-${end}/${stat.size}`).header('content-length', end - start + 1)
    if (req.method === 'HEAD') return reply.send()
    return reply.send(fs.createReadStream(file, { start, end }))
  }
  void reply.header('content-length', stat.size)
  if (req.method === 'HEAD') return reply.send()
  return reply.send(fs.createReadStream(file))
}

export function registerStaticRoutes(app: FastifyInstance, opts: { mediaDir: string; appDir?: string }): void {
  app.get<{ Params: { '*': string } }>('/media/*', { config: { doc: { summary: 'Packaged test media', tags: ['media'], auth: 'none', hidden: true } } }, async (req, reply) => {
    const rel = req.params['*']
    // The media catalog holds content keys: never served.
    const file = MEDIA_EXTENSIONS.has(path.extname(rel).toLowerCase()) ? safeFile(opts.mediaDir, rel) : null
    if (!file) return reply.code(404).send(errorBody('not_found', 'No such media file'))
    return sendFile(req, reply, file, 'public, max-age=3600')
  })

  const appDir = opts.appDir
  app.get<{ Params: { '*': string } }>('/*', { config: { doc: { summary: 'The TV app', tags: ['app'], auth: 'none', hidden: true } } }, async (req, reply) => {
    const rel = req.params['*'] || 'index.html'
    if (rel.startsWith('v1/') || rel === 'v1' || !appDir) {
      return reply.code(404).send(errorBody('not_found', `No route GET /${rel.split('?')[0]}`))
    }
    const file = safeFile(appDir, rel)
    if (!file) return reply.code(404).send(errorBody('not_found', 'No such file'))
    const base = path.basename(file)
    const noCache = base === 'index.html' || /^settings.*\.json$/.test(base)
    return sendFile(req, reply, file, noCache ? 'no-cache' : 'public, max-age=300')
  })
}

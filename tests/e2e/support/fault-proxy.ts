import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/** What the proxy does instead of forwarding a matching request. */
export type Fault =
  /** 500 with the API's error body. */
  | 'server-error'
  /** 503 with `Retry-After: 1`. */
  | 'unavailable'
  /** Never answers while the fault is set (past the client's timeout). */
  | 'hang'
  /** 200, `application/json`, a body cut off mid-object. */
  | 'malformed-json'
  /** 200, valid JSON of the wrong shape. */
  | 'wrong-shape'
  /** The socket destroyed without an answer. */
  | 'drop'
  /** 403 `token_expired`, as the license server says when a license token ran out. */
  | 'token-expired'
  /** 403 `not_entitled`, as the license server says when the viewer's right ended. */
  | 'not-entitled'

export const API_FAULTS: readonly Fault[] = ['server-error', 'unavailable', 'hang', 'malformed-json', 'wrong-shape', 'drop']

export interface FaultRule {
  method?: string
  /** Matched against the request path (without the query string). */
  path: RegExp
  fault: Fault
  /** Only the first N matching requests get the fault; unlimited when absent. */
  times?: number
  /** A further condition on the request, e.g. the token it carries. */
  when?: (request: SeenRequest) => boolean
}

export interface SeenRequest {
  method: string
  path: string
  /** The fault applied, or null when forwarded. */
  fault: Fault | null
  authorization: string | undefined
  status: number | null
}

export interface FaultProxy {
  /** http://127.0.0.1:PORT: open the app here; everything is forwarded to the target unless a rule matches. */
  origin: string
  /** Replaces the rules (none: a plain proxy). Hanging requests of removed rules stay hung until close(). */
  setFaults(rules: FaultRule[]): void
  clear(): void
  requests: SeenRequest[]
  /** Answers `settings.local.json` (the operator overlay the app reads at start) with this body. */
  localSettings: unknown
  close(): Promise<void>
}

const WRONG_SHAPE = JSON.stringify({ items: 'not-a-list', hero: 42, rails: {}, manifests: null, ok: 'yes' })

/**
 * A fault-injecting HTTP proxy in front of the app server (app, API and media
 * on one origin): per rule it answers a request with a 5xx, hangs, sends bad
 * or wrong-shaped JSON, or destroys the socket, and forwards everything else.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const targetUrl = new URL(target)
  let rules: FaultRule[] = []
  const used = new Map<FaultRule, number>()
  const sockets = new Set<Socket>()
  const requests: SeenRequest[] = []

  const match = (seen: SeenRequest): FaultRule | null => {
    for (const rule of rules) {
      if (rule.method && rule.method !== seen.method) continue
      if (!rule.path.test(seen.path)) continue
      if (rule.when && !rule.when(seen)) continue
      const count = used.get(rule) ?? 0
      if (rule.times !== undefined && count >= rule.times) continue
      used.set(rule, count + 1)
      return rule
    }
    return null
  }

  const proxy: FaultProxy = {
    origin: '',
    requests,
    localSettings: null,
    setFaults(next) {
      rules = next
      used.clear()
    },
    clear() {
      proxy.setFaults([])
    },
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }

  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET'
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    const seen: SeenRequest = { method, path, fault: null, authorization: req.headers.authorization, status: null }
    requests.push(seen)
    if (path.endsWith('/settings.local.json') && proxy.localSettings !== null) {
      seen.status = 200
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      res.end(JSON.stringify(proxy.localSettings))
      return
    }
    const rule = match(seen)
    if (rule) {
      seen.fault = rule.fault
      // Drain the body so a dropped or hung request is not mistaken for a client-side problem.
      req.resume()
      applyFault(rule.fault, req, res, seen)
      return
    }
    const upstream = http.request(
      // The Host header stays the proxy's: the server builds absolute URLs (license, media, images) from it.
      { host: targetUrl.hostname, port: targetUrl.port, method, path: req.url, headers: req.headers },
      (answer) => {
        seen.status = answer.statusCode ?? null
        // Nothing the browser may reuse from its cache: every request of a later play meets the rules too.
        const { 'cache-control': _cacheControl, etag: _etag, 'last-modified': _lastModified, ...headers } = answer.headers
        res.writeHead(answer.statusCode ?? 502, { ...headers, 'cache-control': 'no-store' })
        answer.pipe(res)
      },
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  proxy.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return proxy
}

function sendJson(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers })
  res.end(body)
}

function applyFault(fault: Fault, req: http.IncomingMessage, res: http.ServerResponse, seen: SeenRequest): void {
  switch (fault) {
    case 'server-error':
      seen.status = 500
      return sendJson(res, 500, JSON.stringify({ error: { code: 'internal', message: 'Injected failure' } }))
    case 'unavailable':
      seen.status = 503
      return sendJson(res, 503, JSON.stringify({ error: { code: 'unavailable', message: 'Injected overload' } }), { 'Retry-After': '1' })
    case 'hang':
      // Nothing is sent; the client gives up at its timeout and the socket is closed by close().
      return
    case 'malformed-json':
      seen.status = 200
      return sendJson(res, 200, '{"hero": {"id": "t-')
    case 'wrong-shape':
      seen.status = 200
      return sendJson(res, 200, WRONG_SHAPE)
    case 'drop':
      req.socket.destroy()
      return
    case 'token-expired':
      seen.status = 403
      return sendJson(res, 403, JSON.stringify({ error: { code: 'token_expired', message: 'The license token has expired' } }))
    case 'not-entitled':
      seen.status = 403
      return sendJson(res, 403, JSON.stringify({ error: { code: 'not_entitled', message: 'Not entitled to this title' } }))
  }
}

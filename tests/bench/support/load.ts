// HTTP load from a second process on loopback: autocannon's CLI, bounded in time, read back as JSON.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface LoadRequest {
  url: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
}

export interface LoadResult {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  requests: number
  /** Connection errors, timeouts and non-2xx answers together. */
  errors: number
}

interface AutocannonJson {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number }
  errors: number
  timeouts: number
  non2xx: number
}

export async function load(root: string, req: LoadRequest, opts: { seconds: number; connections: number }): Promise<LoadResult> {
  const args = [path.join(root, 'node_modules/autocannon/autocannon.js'), '--json', '-c', String(opts.connections), '-d', String(opts.seconds)]
  if (req.method) args.push('-m', req.method)
  for (const [k, v] of Object.entries(req.headers ?? {})) args.push('-H', `${k}=${v}`)
  if (req.body !== undefined) args.push('-b', req.body)
  args.push(req.url)
  const { stdout } = await run(process.execPath, args, { cwd: root, maxBuffer: 16 * 1024 * 1024, timeout: (opts.seconds + 30) * 1000 })
  const json = JSON.parse(stdout) as AutocannonJson
  return {
    requestsPerSecond: json.requests.average,
    p50Ms: json.latency.p50,
    p99Ms: json.latency.p99,
    requests: json.requests.total,
    errors: json.errors + json.timeouts + json.non2xx,
  }
}

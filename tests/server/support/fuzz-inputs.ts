// Hostile requests generated from an OpenAPI operation: its path and query parameters, headers and a body built
// from its request schema, each mutated with wrong types, huge strings, unicode, negative numbers, SQL fragments,
// prototype keys and broken JSON. Seeded: the same seed makes the same requests.

export interface JsonSchema {
  type?: string
  const?: unknown
  enum?: unknown[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  pattern?: string
  format?: string
}

export interface OpenApiParameter {
  name: string
  in: 'path' | 'query' | 'header'
  required?: boolean
  schema?: JsonSchema
}

export interface OpenApiOperation {
  parameters?: OpenApiParameter[]
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } }
  security?: unknown[]
}

export interface FuzzRequest {
  method: string
  url: string
  headers: Record<string, string>
  body?: string
  /** What was mutated, for the failure report. */
  what: string
}

export interface FuzzContext {
  /** Tokens to present: device, account, and a revoked device's. */
  tokens: string[]
  /** Plausible values by parameter or property name (so a mutation of one field meets valid others); a list: one of them. */
  samples: Record<string, string | string[]>
}

type Rng = () => number

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]

function sample(rng: Rng, ctx: FuzzContext, name: string): string | undefined {
  const value = ctx.samples[name]
  return Array.isArray(value) ? pick(rng, value) : value
}

const SQL = ["' OR '1'='1", "'; DROP TABLE purchases; --", '1; SELECT * FROM accounts', '" OR ""="', "t0001' --", '%27%20OR%201=1', '1 UNION SELECT k FROM keys']
const UNICODE = ['长安夜行', '😀'.repeat(200), '\u202egnp.exe', 'a\u0000b', 'Z̴̡̧̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛', '\ufeff\u200b\u200d', 'ـ'.repeat(500), 'İı', '\ud83d']
const HUGE = ['A'.repeat(5000), 'x'.repeat(100_000), '9'.repeat(400)]
const NUMBERS = [-1, -0, 0, -1e308, 1e308, 2 ** 53 + 1, -2147483649, 0.5, 1e-320]
const WRONG_TYPES: unknown[] = [null, true, false, [], {}, [1, 2], { $gt: '' }, '', 'string', 123]
const PROTO = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']
const TRAVERSAL = ['../../etc/passwd', '..%2F..%2Fcatalog.json', '%00', '%2e%2e', '~root', 'con', '.env']

/** A hostile value of any kind. */
function hostile(rng: Rng): unknown {
  switch (Math.floor(rng() * 7)) {
    case 0:
      return pick(rng, SQL)
    case 1:
      return pick(rng, UNICODE)
    case 2:
      return pick(rng, HUGE)
    case 3:
      return pick(rng, NUMBERS)
    case 4:
      return pick(rng, WRONG_TYPES)
    case 5:
      return pick(rng, TRAVERSAL)
    default:
      return Object.defineProperty({}, pick(rng, PROTO), { value: { polluted: true }, enumerable: true })
  }
}

/** A hostile string for a URL part (path segment or query value). */
function hostileText(rng: Rng): string {
  const v = hostile(rng)
  const text = typeof v === 'string' ? v : JSON.stringify(v)
  // Keep URLs under Node's 16 KB header limit: a longer URL is refused by Node itself (431), not by the API.
  return text.slice(0, 4000)
}

/** A body that satisfies the schema as far as a generator can (known names get plausible values). */
export function sampleOf(schema: JsonSchema, rng: Rng, ctx: FuzzContext, name = ''): unknown {
  if (schema.const !== undefined) return schema.const
  if (schema.enum) return pick(rng, schema.enum)
  const branches = schema.anyOf ?? schema.oneOf
  if (branches) return sampleOf(pick(rng, branches), rng, ctx, name)
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sampleOf(s, rng, ctx, name) as object)) as unknown
  const known = sample(rng, ctx, name)
  if (known !== undefined) return known
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        if ((schema.required ?? []).includes(key) || rng() < 0.5) out[key] = sampleOf(sub, rng, ctx, key)
      }
      return out
    }
    case 'array':
      return schema.items ? Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sampleOf(schema.items as JsonSchema, rng, ctx, name)) : []
    case 'string':
      if (schema.format === 'date-time') return new Date(Date.UTC(2026, 10, 25, 12)).toISOString()
      return 'abcdefgh'.slice(0, Math.max(schema.minLength ?? 1, Math.min(8, schema.maxLength ?? 8)))
    case 'integer':
    case 'number':
      return schema.minimum ?? 1
    case 'boolean':
      return true
    default:
      return null
  }
}

/** Replaces (or deletes, or adds beside) one field somewhere inside value. */
function mutate(value: unknown, rng: Rng): { value: unknown; what: string } {
  if (value === null || typeof value !== 'object') return { value: hostile(rng), what: 'value replaced' }
  const clone = JSON.parse(JSON.stringify(value)) as Record<string, unknown> | unknown[]
  const keys = Object.keys(clone)
  const roll = rng()
  if (keys.length === 0 || roll < 0.15) {
    const key = rng() < 0.5 ? pick(rng, PROTO) : pick(rng, ['admin', 'price', 'amountMinor', 'status', 'accountId', 'isPaid'])
    // defineProperty: an own "__proto__" key that JSON.stringify sends (assignment would set the prototype).
    Object.defineProperty(clone, key, { value: hostile(rng), enumerable: true, writable: true, configurable: true })
    return { value: clone, what: `extra ${key}` }
  }
  const key = pick(rng, keys)
  const inner = (clone as Record<string, unknown>)[key]
  if (roll < 0.3) {
    delete (clone as Record<string, unknown>)[key]
    return { value: clone, what: `${key} removed` }
  }
  if (inner !== null && typeof inner === 'object' && rng() < 0.5) {
    const deeper = mutate(inner, rng)
    ;(clone as Record<string, unknown>)[key] = deeper.value
    return { value: clone, what: `${key}.${deeper.what}` }
  }
  ;(clone as Record<string, unknown>)[key] = hostile(rng)
  return { value: clone, what: `${key} hostile` }
}

const RAW_BODIES = ['', '{', '{"a":', 'null', '[]', '"text"', '12', 'true', '\u0000', '{"a":1}{"b":2}', `${'['.repeat(5000)}${']'.repeat(5000)}`, '{"__proto__":{"admin":true}}', '\ufeff{}', "{'single':'quotes'}", 'NaN', '{"a":Infinity}']

function headerVariants(rng: Rng, ctx: FuzzContext): Record<string, string> {
  const headers: Record<string, string> = {}
  const auth = rng()
  if (auth < 0.55) headers.authorization = `Bearer ${pick(rng, ctx.tokens)}`
  else if (auth < 0.85)
    headers.authorization = pick(rng, ['Bearer', 'Bearer ', 'Basic ZGVtbzoxMjM0', 'Bearer a.b', 'Bearer ..', `Bearer ${'x'.repeat(5000)}`, 'bearer   spaced  out', 'Bearer eyJ0eXAiOiJsaWNlbnNlIn0.AAAA', `Bearer ${pick(rng, ctx.tokens)}x`])
  if (rng() < 0.3) headers['accept-language'] = pick(rng, ['*', 'zh-CN;q=abc', 'xx-YY', ';;;', 'en'.repeat(2000), 'id, en;q=0.5, zh;q=0.9', 'zh\u00ff\u00e9'])
  if (rng() < 0.3) headers['idempotency-key'] = pick(rng, ['', 'short', 'k'.repeat(129), 'key with spaces', `fuzz-${Math.floor(rng() * 1e9)}`, "'; DROP TABLE purchases; --"])
  if (rng() < 0.15) headers.range = pick(rng, ['bytes=-1', 'bytes=9999999999-', 'bytes=5-1', 'items=0-1', 'bytes=0-1,2-3'])
  return headers
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Percent-encodes a path segment; a lone surrogate goes out as the invalid UTF-8 bytes it would be. */
function encodeSegment(text: string): string {
  return text
    .split(LONE_SURROGATE)
    .map((part) => encodeURIComponent(part))
    .join('%ED%A0%80')
}

function pathWith(template: string, rng: Rng, ctx: FuzzContext, hostileParams: boolean): { path: string; what: string } {
  let what = ''
  const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const known = sample(rng, ctx, name)
    if (!hostileParams && known !== undefined) return encodeURIComponent(known)
    what += `path ${name}; `
    return encodeSegment(hostileText(rng))
  })
  return { path, what }
}

function queryWith(op: OpenApiOperation, rng: Rng, ctx: FuzzContext): { query: string; what: string } {
  const params = (op.parameters ?? []).filter((p) => p.in === 'query')
  const qs = new URLSearchParams()
  for (const p of params) {
    const roll = rng()
    if (roll < 0.4) qs.append(p.name, hostileText(rng))
    else if (roll < 0.55) {
      qs.append(p.name, hostileText(rng))
      qs.append(p.name, hostileText(rng)) // repeated parameter → an array
    } else if (roll < 0.7 && sample(rng, ctx, p.name) !== undefined) qs.append(p.name, sample(rng, ctx, p.name) as string)
  }
  if (rng() < 0.3) qs.append(pick(rng, ['__proto__', 'constructor', 'admin', 'q[]', 'limit']), hostileText(rng))
  const query = qs.toString()
  return { query: query ? `?${query}` : '', what: query ? 'query; ' : '' }
}

/** n hostile requests for one operation. */
export function fuzzRequests(method: string, template: string, op: OpenApiOperation, n: number, rng: Rng, ctx: FuzzContext): FuzzRequest[] {
  const schema = op.requestBody?.content['application/json'].schema
  const out: FuzzRequest[] = []
  for (let i = 0; i < n; i++) {
    const hostileParams = template.includes('{') && rng() < 0.5
    const { path, what: pathWhat } = pathWith(template, rng, ctx, hostileParams)
    const { query, what: queryWhat } = queryWith(op, rng, ctx)
    const headers = headerVariants(rng, ctx)
    let body: string | undefined
    let bodyWhat = ''
    if (method !== 'GET' && method !== 'DELETE') {
      const roll = rng()
      if (roll < 0.2) {
        body = pick(rng, RAW_BODIES)
        bodyWhat = `raw body ${JSON.stringify(body.slice(0, 20))}`
      } else if (schema && roll < 0.4) {
        // A well-formed body, so the hostile headers, parameters and queries meet the route's real work.
        body = JSON.stringify(sampleOf(schema, rng, ctx))
        bodyWhat = 'well-formed body'
      } else if (schema) {
        const mutated = mutate(sampleOf(schema, rng, ctx), rng)
        body = JSON.stringify(mutated.value)
        bodyWhat = `body ${mutated.what}`
      } else {
        body = JSON.stringify(hostile(rng))
        bodyWhat = 'unexpected body'
      }
      headers['content-type'] = rng() < 0.85 ? 'application/json' : pick(rng, ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/xml'])
    }
    out.push({ method, url: `${path}${query}`, headers, body, what: `${pathWhat}${queryWhat}${bodyWhat}`.trim() })
  }
  return out
}

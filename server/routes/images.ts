// Generated title art on a gradient seeded per title: posters are title cards (the name drawn on them); backdrops are
// textless, as operators' hero and background art is, since the app draws the title's name beside it.
import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { Ctx } from '../lib/context'
import { language } from '../lib/context'
import { ApiError } from '../lib/errors'
import { hashString, mulberry32 } from '../lib/random'
import { titleName } from '../lib/present'
import type { CatalogTitle } from '../lib/catalog'
import { LanguageSchema, type Language } from '../contract'

const ImageParamsSchema = Type.Object({
  kind: Type.Union([Type.Literal('poster'), Type.Literal('backdrop')]),
  file: Type.String({ maxLength: 80, pattern: '^[A-Za-z0-9_-]+\\.svg$' }),
})

const ImageQuerySchema = Type.Object({ lang: Type.Optional(LanguageSchema) })

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string)
}

/** CJK punctuation, ideographs and full-width forms, as a character class's range. */
const CJK_RANGE = '\\u3000-\\u9fff\\uff00-\\uffef'
const CJK = new RegExp(`[${CJK_RANGE}]`)

/**
 * A name's pieces a line may break between: each CJK character with the closing punctuation after it (never at a
 * line's start), each run of other characters, each run of spaces.
 */
const BREAKABLE = new RegExp(`[${CJK_RANGE}][、。，：；！？）」』》]*|[^\\s${CJK_RANGE}]+|\\s+`, 'gu')

/** How wide a piece is in Latin characters: a CJK character counts double. */
function widthOf(piece: string): number {
  return [...piece].reduce((sum, ch) => sum + (CJK.test(ch) ? 2 : 1), 0)
}

/**
 * Splits a name into at most `maxLines` lines of about `perLine` Latin characters (CJK counts double), breaking
 * between words and between CJK characters, inside a word only when it is longer than a line; a name cut short
 * ends in '…'.
 */
export function wrapTitle(text: string, perLine: number, maxLines: number): string[] {
  const pieces = text.match(BREAKABLE) ?? []
  const lines: string[] = []
  let line = ''
  let cut = false
  const endLine = (): void => {
    lines.push(line.trimEnd())
    line = ''
  }
  for (const piece of pieces.flatMap((p) => (widthOf(p) > perLine ? [...p] : [p]))) {
    if (line && widthOf(line + piece.trimEnd()) > perLine) {
      if (lines.length === maxLines - 1) {
        cut = true
        break
      }
      endLine()
    }
    if (line || piece.trim()) line += piece
  }
  if (line) endLine()
  if (cut) {
    const last = [...lines.pop()!]
    while (last.length && widthOf(last.join('') + '…') > perLine) last.pop()
    lines.push(`${last.join('').trimEnd()}…`)
  }
  return lines
}

export function titleCardSvg(t: CatalogTitle, kind: 'poster' | 'backdrop', lang: Language): string {
  const rng = mulberry32(hashString(t.id))
  const hue = Math.floor(rng() * 360)
  const hue2 = (hue + 40 + Math.floor(rng() * 80)) % 360
  const [w, h] = kind === 'poster' ? [300, 450] : [1280, 720]
  const art =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},65%,45%)"/><stop offset="1" stop-color="hsl(${hue2},70%,18%)"/></linearGradient>` +
    `<linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0.4" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.6"/></linearGradient></defs>` +
    `<rect width="${w}" height="${h}" fill="url(#g)"/>` +
    `<circle cx="${Math.round(w * (0.6 + rng() * 0.3))}" cy="${Math.round(h * (0.15 + rng() * 0.25))}" r="${Math.round(Math.min(w, h) * (0.2 + rng() * 0.2))}" fill="#fff" fill-opacity="0.08"/>` +
    `<rect width="${w}" height="${h}" fill="url(#s)"/>`
  if (kind === 'backdrop') return `${art}</svg>`
  const fontSize = 34
  const lineHeight = fontSize * 1.25
  const startY = h * 0.62
  const font = `"Noto Sans CJK SC","Noto Sans SC",sans-serif`
  const text = wrapTitle(titleName(t, lang), 14, 4)
    .map((l, i) => `<text x="24" y="${Math.round(startY + i * lineHeight)}" font-size="${fontSize}" font-weight="700" fill="#fff">${escapeXml(l)}</text>`)
    .join('')
  const sub = `<text x="24" y="${Math.round(startY - fontSize * 1.2)}" font-size="${Math.round(fontSize * 0.45)}" fill="rgba(255,255,255,0.8)">${t.year} · ${t.kind === 'series' ? (lang === 'zh-CN' ? '剧集' : 'Series') : lang === 'zh-CN' ? '电影' : 'Film'}${t.original ? ' · MARQUEE' : ''}</text>`
  return `${art}<g font-family='${font}'>${sub}${text}</g></svg>`
}

export function registerImageRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.get<{ Params: { kind: 'poster' | 'backdrop'; file: string }; Querystring: { lang?: Language } }>(
    '/images/:kind/:file',
    { schema: { params: ImageParamsSchema, querystring: ImageQuerySchema }, config: { doc: { summary: 'Generated title art (SVG)', tags: ['images'], auth: 'none', hidden: true } } },
    async (req, reply) => {
      const id = req.params.file.slice(0, -'.svg'.length)
      const t = ctx.catalog.byId.get(id)
      if (!t || (req.params.kind === 'poster' && !t.hasPoster)) throw new ApiError(404, 'not_found', 'No such image')
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .header('vary', 'Accept-Language')
        .send(titleCardSvg(t, req.params.kind, req.query.lang ?? language(req)))
    },
  )
}

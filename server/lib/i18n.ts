import type { Language } from '../contract'

/** Picks zh-CN, en or id from an Accept-Language header (default zh-CN: the launch market). */
export function languageFrom(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header[0] : header
  if (!value) return 'zh-CN'
  const ranked = value
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const weight = q ? Number(q.slice(2)) : 1
      return { tag, weight: Number.isFinite(weight) ? weight : 0, i }
    })
    .filter((x) => x.tag && x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i)
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN'
    if (tag.startsWith('en')) return 'en'
    if (tag === 'id' || tag.startsWith('id-') || tag === 'in' || tag.startsWith('ms')) return 'id'
  }
  return 'zh-CN'
}

export interface Localized {
  zh: string
  en: string
  id?: string
}

/** Titles and synopses exist in zh and en; Bahasa Indonesia falls back to en. */
export function pick(lang: Language, text: Localized): string {
  if (lang === 'zh-CN') return text.zh
  if (lang === 'id') return text.id ?? text.en
  return text.en
}

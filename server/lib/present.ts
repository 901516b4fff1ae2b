// Catalogue rows → contract shapes, localized, with this viewer's access.
import type { Language, TitleDetails, TitleSummary } from '../contract'
import type { Catalog, CatalogTitle } from './catalog'
import { accessFor, type Holdings } from './access'
import { pick } from './i18n'

export interface Presenter {
  lang: Language
  base: string
  holdings: Holdings
  catalog: Catalog
}

export function titleName(t: CatalogTitle, lang: Language): string {
  return pick(lang, { zh: t.titleZh, en: t.titleEn })
}

export function summary(p: Presenter, t: CatalogTitle): TitleSummary {
  return {
    id: t.id,
    kind: t.kind,
    title: titleName(t, p.lang),
    year: t.year,
    rating: t.rating,
    // The art is drawn in the language the viewer reads the catalogue in, which a TV's Accept-Language may not be.
    posterUrl: t.hasPoster ? `${p.base}/images/poster/${t.id}.svg?lang=${p.lang}` : null,
    backdropUrl: `${p.base}/images/backdrop/${t.id}.svg?lang=${p.lang}`,
    access: accessFor(t, p.holdings, p.catalog.plans),
  }
}

export function details(p: Presenter, t: CatalogTitle, inWatchlist: boolean): TitleDetails {
  return {
    ...summary(p, t),
    originalTitle: t.titleZh,
    synopsis: pick(p.lang, { zh: t.synopsisZh, en: t.synopsisEn }),
    genres: t.genres.map((id) => {
      const g = p.catalog.genres.find((x) => x.id === id)
      return { id, name: g ? pick(p.lang, { zh: g.zh, en: g.en, id: g.idn }) : id }
    }),
    cast: t.cast.map((c) => ({ name: pick(p.lang, { zh: c.zh, en: c.en }), role: c.role })),
    durationSeconds: t.durationSeconds,
    seasons: t.seasons.map((s) => ({
      number: s.number,
      episodes: s.episodes.map((e) => ({ id: e.id, number: e.number, title: pick(p.lang, { zh: e.titleZh, en: e.titleEn }), durationSeconds: e.durationSeconds })),
    })),
    trailerAvailable: true,
    original: t.original,
    inWatchlist,
  }
}

import { Lightning, Router } from '@lightningjs/sdk'
import type { ProgressSummary, TitleDetails } from '../../../server/contract'
import { t, currentLanguage } from '../../i18n'
import { api } from '../../api/session'
import { fetchRailPage, fetchTitle } from '../../api/catalog'
import { onChange } from '../../api/changes'
import { addToWatchlist, removeFromWatchlist } from '../../api/watchlist'
import {
  actionEpisode, actionLabel, actionTarget, badgeModel, detailActions, detailsHash, episodesInOrder, formatDuration, initialActionIndex, playHash, type DetailAction,
} from '../../domain'
import { colors, layout, lineLimit, motion, typography, wrapping } from '../../components/theme'
import { AccessBadge } from '../../components/AccessBadge/AccessBadge'
import { Button, fitButtonRow, type ButtonFit } from '../../components/Button/Button'
import { posterTexture } from '../../components/Poster/PosterTexture'
import { EpisodeList } from '../../components/EpisodeList/EpisodeList'
import { episodeListHeight } from '../../components/EpisodeList/EpisodeList.styles'
import { Rail } from '../../components/Rail/Rail'
import { railStyle } from '../../components/Rail/Rail.styles'
import { menuBand, type MenuBandSpec } from '../../components/MenuBand/MenuBand'
import { tileModel } from '../tile-model'
import type { PageTypeConfig } from '../page'
import { failureMessage } from '../failure-message'
import { episodeListLabels, episodesWatched } from '../episode-list'
import { playFromTile, playTitle, playsAtOnce, preparePurchaseOf, runTitleAction } from '../play-title'
import { dropPlayAhead, preparePlayAhead, preparePlayer } from '../../player'

interface DetailsTemplateSpec extends Lightning.Component.TemplateSpec {
  Backdrop: Lightning.Element
  ScrimSolid: Lightning.Element
  ScrimLeft: Lightning.Element
  ScrimBottom: Lightning.Element
  Kicker: Lightning.Element
  Title: Lightning.Element
  Meta: Lightning.Element
  Badge: typeof AccessBadge
  Synopsis: Lightning.Element
  Cast: Lightning.Element
  Notice: Lightning.Element
  Actions: Lightning.Element
  Episodes: typeof EpisodeList
  Like: typeof Rail
  TopBand: MenuBandSpec
}

const LEFT = layout.safeX + 24
const TEXT_WIDTH = 980
const TITLE_Y = 192
/** The picture stays in the background: the text column is what the viewer reads. */
const BACKDROP_ALPHA = 0.75
const ACTIONS_Y = 700
/** The cast line's height and the gap under it to the buttons (focused buttons grow a little). */
const CAST_H = 36
const CAST_GAP = 36
const EPISODES_GAP = 124
/** "More like this" starts this far under a film's buttons' top: its posters peek above the screen's bottom edge. */
const LIKE_GAP = 116
/** A series' rail starts this far under its episodes: its name shows above the screen's bottom edge. */
const LIKE_GAP_UNDER_EPISODES = 16
/** Focused, the page scrolls up until the rail's captions stand inside the TV-safe area. */
const LIKE_BOTTOM = layout.screenH - layout.safeY
/** "More like this" is asked this long after the page shows (see requestLike). */
const LIKE_DELAY_MS = 1000
const BUTTON_GAP = 24
/** The buttons' row ends inside the TV-safe area. */
const ACTIONS_W = layout.screenW - layout.safeX - LEFT
/** Each button at least 240 px wide with 40 px either side of its label; a row too wide for that takes the tight fit. */
const BUTTON_FITS: readonly ButtonFit[] = [
  { minWidth: 240, paddingX: 40 },
  { minWidth: 160, paddingX: 24 },
]

/** Where the focus is: the buttons, a series' episodes, or More like this. */
type DetailsArea = 'actions' | 'episodes' | 'like'

/** Details data: the title and the viewer's saved position (for Resume). */
export interface DetailsData {
  title: TitleDetails
  progress: ProgressSummary | null
}

/** The title comes with the viewer's saved position, however far (Resume, or a series' next episode). */
export async function loadDetails(titleId: string): Promise<DetailsData> {
  const title = await fetchTitle(api(), titleId)
  return { title, progress: title.progress ?? null }
}

/**
 * A title: backdrop, name, year, rating, running time, synopsis, cast, the
 * access badge, the actions the domain allows (play, resume, start over,
 * trailer, subscribe, rent, buy) and, for a series, its episodes by season.
 * Data arrives through the route's `before` hook (a failure goes to the error
 * page with Retry); `details/:id/buy` opens with a purchase choice focused.
 */
export class DetailsPage
  extends Lightning.Component<DetailsTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<DetailsTemplateSpec>
{
  static override _template(): Lightning.Component.Template<DetailsTemplateSpec> {
    return {
      // Sized to the screen: scrolled up to "More like this", a page of no size would leave Lightning's bounds,
      // and go inactive (dropping the play prepared on it).
      w: layout.screenW,
      h: layout.screenH,
      Backdrop: { x: layout.screenW, w: 1440, h: 810, mountX: 1, alpha: 0 },
      // Text sits on solid background; the picture shows on the right, fading in.
      ScrimSolid: { w: 1000, h: layout.screenH, rect: true, color: colors.background },
      ScrimLeft: { x: 1000, w: 640, h: layout.screenH, rect: true, colorLeft: 0xff0b0b12, colorRight: 0x000b0b12 },
      ScrimBottom: { y: 360, w: layout.screenW, h: 720, rect: true, colorTop: 0x000b0b12, colorBottom: 0xff0b0b12 },
      Kicker: { x: LEFT, y: 150, text: { text: '', ...typography.caption, textColor: colors.accent } },
      Title: {
        x: LEFT,
        y: TITLE_Y,
        text: { text: '', ...typography.display, ...wrapping, textColor: colors.text, wordWrapWidth: TEXT_WIDTH, ...lineLimit(2) },
      },
      Meta: { x: LEFT, y: 376, text: { text: '', ...typography.caption, textColor: colors.textMuted, wordWrapWidth: TEXT_WIDTH, ...lineLimit(1) } },
      Badge: { type: AccessBadge, x: LEFT, y: 424 },
      Synopsis: {
        x: LEFT,
        y: 484,
        text: { text: '', ...typography.body, ...wrapping, textColor: colors.text, wordWrapWidth: TEXT_WIDTH, ...lineLimit(3) },
      },
      Cast: {
        x: LEFT,
        y: 624,
        text: { text: '', ...typography.caption, ...wrapping, textColor: colors.textMuted, wordWrapWidth: TEXT_WIDTH, ...lineLimit(1) },
      },
      Notice: { x: LEFT, y: 660, visible: false, text: { text: '', ...typography.caption, ...wrapping, textColor: colors.accent, wordWrapWidth: TEXT_WIDTH } },
      Actions: { x: LEFT, y: ACTIONS_Y },
      Episodes: { type: EpisodeList, x: LEFT, y: ACTIONS_Y + EPISODES_GAP, visible: false },
      // The rail draws its title and tiles from railStyle.x: it is moved so they line up with the text column.
      Like: { type: Rail, x: LEFT - railStyle.x, y: ACTIONS_Y + LIKE_GAP, visible: false },
      TopBand: menuBand(),
    }
  }

  private readonly Backdrop = this.getByRef('Backdrop')!
  private readonly Kicker = this.getByRef('Kicker')!
  private readonly Title = this.getByRef('Title')!
  private readonly Meta = this.getByRef('Meta')!
  private readonly Badge = this.getByRef('Badge')!
  private readonly Synopsis = this.getByRef('Synopsis')!
  private readonly Cast = this.getByRef('Cast')!
  private readonly Notice = this.getByRef('Notice')!
  private readonly Actions = this.getByRef('Actions')!
  private readonly Episodes = this.getByRef('Episodes')!
  private readonly Like = this.getByRef('Like')!
  private readonly TopBand = this.getByRef('TopBand')!
  /** Bumped by each load of "More like this": an answer for a title no longer shown is dropped. */
  private _likeLoads = 0
  /** The title "More like this" was asked for while the page shows. */
  private _likeFor: string | null = null
  private _data: DetailsData | null = null
  private _actions: DetailAction[] = []
  private _purchaseFirst = false
  private _actionIndex = 0
  private _area: DetailsArea = 'actions'
  private _unsubscribe: (() => void)[] = []

  override _init(): void {
    this.Like.handlers = { onSelect: (item) => Router.navigate(detailsHash(item.id)), onPlay: (item) => void playFromTile(this, item.id) }
  }

  /** The route's `before` hook: the page shows only once the title has loaded. */
  async load(titleId: string, purchaseFirst: boolean): Promise<void> {
    this._purchaseFirst = purchaseFirst
    this._data = await loadDetails(titleId)
  }

  override _onDataProvided(): void {
    this.render(true)
  }

  override _active(): void {
    this.widgets.menu.sync('details')
    // Play is a press away: the player is made ready now rather than after it.
    preparePlayer()
    this.prepareButtons()
    const title = this._data?.title
    if (title) this.requestLike(title.id, false)
  }

  override _inactive(): void {
    // Left for the player, the prepared play was taken (startPlay); left for anything else, it is dropped.
    dropPlayAhead()
    // An answer for "More like this" still on its way builds no tiles behind the next page.
    this._likeLoads++
    this._likeFor = null
  }

  override _attach(): void {
    const reload = (): void => void this.reload()
    this._unsubscribe = [onChange('entitlements', reload), onChange('progress', reload), onChange('language', reload)]
  }

  override _detach(): void {
    for (const stop of this._unsubscribe) stop()
    this._unsubscribe = []
  }

  /** After a purchase, a play or a language switch: new actions, the focus kept in its area. */
  private async reload(): Promise<void> {
    const id = this._data?.title.id
    if (!id) return
    try {
      this._data = await loadDetails(id)
      this._purchaseFirst = false
      this.render(false)
    } catch (error) {
      this.fireAncestors('$showToast', failureMessage(error))
    }
  }

  private render(resetFocus: boolean): void {
    const data = this._data
    if (!data) return
    const { title } = data
    const locale = currentLanguage()
    const now = Date.now()
    this.Kicker.text = title.original ? t('details.original') : ''
    this.Title.text = title.title
    const rating = title.rating === 'all' ? t('rating.all') : title.rating
    const length = title.kind === 'series' ? t('details.seasons', { count: title.seasons.length }) : formatDuration(title.durationSeconds, locale)
    this.Meta.text = [String(title.year), rating, length, title.genres.map((genre) => genre.name).join(' / ')].filter(Boolean).join('  ·  ')
    this.Badge.badge = badgeModel(title.access, now, locale)
    // A series needs the room below for its episodes: a shorter synopsis.
    this.Synopsis.patch({ text: { text: title.synopsis, maxLines: title.kind === 'series' ? 2 : 3 } })
    this.Cast.text = title.cast.length > 0 ? t('details.cast', { names: title.cast.map((member) => member.name).join(t('details.castSeparator')) }) : ''
    const series = title.kind === 'series' && title.seasons.length > 0
    this.flow(series)
    if (title.backdropUrl) {
      this.Backdrop.patch({ texture: posterTexture(title.backdropUrl) })
      this.Backdrop.setSmooth('alpha', BACKDROP_ALPHA, { duration: 0.4 })
    }

    this._actions = detailActions(title.access, now, data.progress, {
      hasTrailer: title.trailerAvailable,
      episodes: episodesInOrder(title.seasons),
      episodeProgress: title.episodeProgress,
    })
    // The domain's actions, then the viewer's list (the last button).
    this.Actions.children = [
      ...this._actions.map((action) => ({ type: Button, label: actionLabel(action, locale), announce: actionLabel(action, locale, 'spoken') })),
      { type: Button, label: this.listLabel },
    ]
    const buttons = this.Actions.children as Button[]
    fitButtonRow(buttons, BUTTON_FITS, { x: 0, gap: BUTTON_GAP, maxWidth: ACTIONS_W })
    const purchaseNotice = this._purchaseFirst && this._actions.some((action) => actionTarget(action, title.id, title.access)?.kind === 'purchase')
    this.Notice.text = t('details.needsPurchase')
    this.Notice.visible = purchaseNotice
    this.Cast.visible = !purchaseNotice

    this.Episodes.visible = series
    if (series) {
      this.Episodes.show(
        title.seasons,
        episodeListLabels(),
        {
          // The list opens where the Play or Resume button would play (the next episode after one watched to its end).
          opensAt: actionEpisode(this._actions)?.id ?? data.progress?.episodeId ?? null,
          watched: episodesWatched(title.episodeProgress),
        },
      )
      this.Episodes.onPlay = (episodeId) => void playTitle(this, playHash(title.id, episodeId), title)
    }
    if (this.active) this.requestLike(title.id, !resetFocus)
    if (resetFocus) {
      this._area = 'actions'
      this.scrollTo('actions', false)
      this._actionIndex = Math.max(0, initialActionIndex(this._actions, this._purchaseFirst))
    } else {
      this._actionIndex = Math.min(this._actionIndex, this._actions.length)
    }
    // Only while in the focus path: a page still being built (Back, a refresh) must not steer focus.
    if (this.hasFocus()) this._refocus()
    // New data (a play's progress, a purchase): what was prepared from the old is redone.
    if (this.active) this.prepareButtons()
  }

  /**
   * What the buttons do is made ready while the viewer reads: the play the focused button starts, when it asks
   * nothing at the press (domain playsWithoutAsking), is authorised and preloaded (player/launch.ts), so the picture
   * comes in a blink; a button that sells has its dialog's account and plans asked, so it opens on its first step.
   */
  private prepareButtons(): void {
    const data = this._data
    if (data) preparePurchaseOf(data.title, this._actions)
    const action = this._area === 'actions' ? this._actions[this._actionIndex] : undefined
    const target = data && action && action.kind !== 'trailer' ? actionTarget(action, data.title.id, data.title.access) : null
    if (data && target?.kind === 'navigate' && playsAtOnce(data.title)) preparePlayAhead(target.hash, data.title)
    else dropPlayAhead()
  }

  /**
   * "More like this" (`GET /v1/rails/like-<id>`), asked once the page shows (not in the route's `before` hook: the
   * title must not wait for it), and `again` after a change (language, entitlements: names and badges). Each tile
   * opens its title's Details over this one. It is extra: if it cannot be had, the page goes on without it.
   */
  private requestLike(titleId: string, again: boolean): void {
    if (!again && this._likeFor === titleId) return
    this._likeFor = titleId
    // A first ask hides what an earlier title left there; a refresh keeps it until the answer.
    if (!again) this.Like.visible = false
    const load = ++this._likeLoads
    // Asked a moment after the page shows: its posters (each an SVG parsed on the main thread) and tiles came
    // in the frames where the play prepared on Details loads, and a quick Play's first frame came ~1.7× later
    // at 4× CPU throttling (npm run bench -- ttff). A Play pressed before then leaves the page: nothing is asked.
    setTimeout(() => {
      if (load === this._likeLoads) void this.loadLike(titleId, load)
    }, again ? 0 : LIKE_DELAY_MS)
  }

  private async loadLike(titleId: string, load: number): Promise<void> {
    try {
      const page = await fetchRailPage(api(), `like-${titleId}`, null, railStyle.pageSize)
      if (load !== this._likeLoads) return
      this.Like.title = page.title
      this.Like.setItems(page.items.map((item) => tileModel(item)), null)
      this.Like.visible = page.items.length > 0
    } catch (error) {
      if (load !== this._likeLoads) return
      console.warn('More like this failed', error)
      this.Like.visible = false
    }
    if (!this.Like.visible && this._area === 'like') {
      this._area = 'actions'
      this.scrollTo('actions', true)
    }
    if (this.hasFocus()) this._refocus()
  }

  /** Scrolls the page so the focused area shows: up to bring "More like this" in, back down for the rest. */
  private scrollTo(area: DetailsArea, animate: boolean): void {
    const y = area === 'like' ? Math.min(0, LIKE_BOTTOM - (this.Like.y + railStyle.height)) : 0
    const duration = animate ? motion.focusDuration : 0
    this.setSmooth('y', y, { duration })
    // The band stays under the menu while the page moves.
    this.TopBand.setSmooth('y', -y, { duration })
    this.TopBand.setSmooth('alpha', y < 0 ? 1 : 0, { duration })
  }

  /** Stacks the texts under the title, which takes one line or two (long and CJK names wrap); a series' rail goes under its episodes. */
  private flow(series: boolean): void {
    this.Title.loadTexture()
    this.Meta.y = TITLE_Y + this.Title.renderHeight + 12
    this.Badge.y = this.Meta.y + 48
    this.Synopsis.y = this.Badge.y + 60
    this.Synopsis.loadTexture()
    this.Cast.y = this.Synopsis.y + this.Synopsis.renderHeight + 16
    this.Notice.y = this.Cast.y
    this.Actions.y = this.Cast.y + CAST_H + CAST_GAP
    this.Episodes.y = this.Actions.y + EPISODES_GAP
    this.Like.y = series ? this.Episodes.y + episodeListHeight + LIKE_GAP_UNDER_EPISODES : this.Actions.y + LIKE_GAP
  }

  override _getFocused(): Lightning.Component {
    if (this._area === 'episodes' && this.Episodes.visible) return this.Episodes
    if (this._area === 'like' && this.Like.visible) return this.Like
    return (this.Actions.children[this._actionIndex] as Button | undefined) ?? this
  }

  override _handleLeft(): void {
    if (this._area === 'actions') this._actionIndex = Math.max(0, this._actionIndex - 1)
  }

  override _handleRight(): void {
    if (this._area === 'actions') this._actionIndex = Math.min(this._actions.length, this._actionIndex + 1)
  }

  /** Down the page: the buttons, a series' episodes (Down from their cards, unhandled there, goes on), More like this. */
  override _handleDown(): void {
    const below = this.areas[this.areas.indexOf(this._area) + 1]
    if (!below) return
    this._area = below
    this.scrollTo(below, true)
  }

  override _handleUp(): void {
    const above = this.areas[this.areas.indexOf(this._area) - 1]
    if (!above) {
      Router.focusWidget('Menu')
      return
    }
    this._area = above
    this.scrollTo(above, true)
  }

  /** The areas on the page now, top to bottom. */
  private get areas(): DetailsArea[] {
    return [
      'actions',
      ...(this.Episodes.visible ? (['episodes'] as const) : []),
      ...(this.Like.visible ? (['like'] as const) : []),
    ]
  }

  private get listLabel(): string {
    return this._data?.title.inWatchlist ? t('details.inList') : t('details.addToList')
  }

  /** Adds to or removes from the viewer's list (idempotent on the server); Home's "My list" rail follows. */
  private async toggleWatchlist(): Promise<void> {
    const title = this._data?.title
    if (!title) return
    const wanted = !title.inWatchlist
    try {
      if (wanted) await addToWatchlist(api(), title.id)
      else await removeFromWatchlist(api(), title.id)
      title.inWatchlist = wanted
      const button = this.Actions.children[this._actions.length] as Button | undefined
      if (button) {
        button.label = this.listLabel
        button.fitLabel(240)
      }
    } catch (error) {
      this.fireAncestors('$showToast', failureMessage(error))
    }
  }

  override _handleEnter(): void {
    if (this._area === 'actions') this.runAction(this._actionIndex)
  }

  /**
   * The remote's Play key on the buttons: the first one's action (Play, Resume, a rental's first play, or the
   * best way to buy), wherever the focus is among them; on an episode card, that episode (EpisodeList).
   */
  _handlePlay(): boolean {
    if (this._area !== 'actions' || this._actions.length === 0) return false
    this._actionIndex = 0
    this.runAction(0)
    return true
  }

  _handlePlayPause(): boolean {
    return this._handlePlay()
  }

  /** What the button at `index` does: its play, its purchase, or My list (after the actions). */
  private runAction(index: number): void {
    const data = this._data
    if (!data) return
    if (index === this._actions.length) {
      void this.toggleWatchlist()
      return
    }
    const action = this._actions[index]
    if (action) void runTitleAction(this, data.title, data.progress, action)
  }
}

import { Lightning, Router } from '@lightningjs/sdk'
import type { ProgressSummary, TitleDetails } from '../../../server/contract'
import { t, currentLanguage } from '../../i18n'
import { api, signedInAccount } from '../../api/session'
import { fetchTitle } from '../../api/catalog'
import { onChange } from '../../api/changes'
import { addToWatchlist, removeFromWatchlist } from '../../api/watchlist'
import {
  actionEpisode, actionLabel, actionTarget, badgeModel, detailActions, episodeOwnTitle, episodesInOrder, episodeToPlay, formatDuration, initialActionIndex, playHash, playsWithoutAsking, startsRentalWindow, watchedFraction, type DetailAction,
} from '../../domain'
import { colors, layout, lineLimit, typography, wrapping } from '../../components/theme'
import { AccessBadge } from '../../components/AccessBadge/AccessBadge'
import { Button, fitButtonRow, type ButtonFit } from '../../components/Button/Button'
import { posterTexture } from '../../components/Poster/PosterTexture'
import { EpisodeList } from '../../components/EpisodeList/EpisodeList'
import type { PageTypeConfig } from '../page'
import { failureMessage } from '../failure-message'
import { dropPlayAhead, preparePlayAhead, preparePlayer, startPlay } from '../../player'

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
const BUTTON_GAP = 24
/** The buttons' row ends inside the TV-safe area. */
const ACTIONS_W = layout.screenW - layout.safeX - LEFT
/** Each button at least 240 px wide with 40 px either side of its label; a row too wide for that takes the tight fit. */
const BUTTON_FITS: readonly ButtonFit[] = [
  { minWidth: 240, paddingX: 40 },
  { minWidth: 160, paddingX: 24 },
]

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
  private _data: DetailsData | null = null
  private _actions: DetailAction[] = []
  private _purchaseFirst = false
  private _actionIndex = 0
  private _area: 'actions' | 'episodes' = 'actions'
  private _unsubscribe: (() => void)[] = []

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
    this.preparePlay()
  }

  override _inactive(): void {
    // Left for the player, the prepared play was taken (startPlay); left for anything else, it is dropped.
    dropPlayAhead()
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
    this.flow()
    if (title.backdropUrl) {
      this.Backdrop.patch({ texture: posterTexture(title.backdropUrl) })
      this.Backdrop.setSmooth('alpha', BACKDROP_ALPHA, { duration: 0.4 })
    }

    this._actions = detailActions(title.access, now, data.progress, { hasTrailer: title.trailerAvailable, episodes: episodesInOrder(title.seasons) })
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

    const series = title.kind === 'series' && title.seasons.length > 0
    this.Episodes.visible = series
    if (series) {
      this.Episodes.show(
        title.seasons,
        {
          season: (number) => t('details.season', { number }),
          episode: (number, name) => {
            const own = episodeOwnTitle(number, name)
            return own ? t('details.episode', { number, title: own }) : t('details.episodeNumber', { number })
          },
          duration: (seconds) => formatDuration(seconds, locale),
        },
        {
          // The list opens where the Play or Resume button would play (the next episode after one watched to its end).
          opensAt: actionEpisode(this._actions)?.id ?? data.progress?.episodeId ?? null,
          watched: new Map((title.episodeProgress ?? []).map((progress) => [progress.episodeId, watchedFraction(progress)])),
        },
      )
      this.Episodes.onPlay = (episodeId) => void this.play(playHash(title.id, episodeId), title, null)
    }
    if (resetFocus) {
      this._area = 'actions'
      this._actionIndex = Math.max(0, initialActionIndex(this._actions, this._purchaseFirst))
    } else {
      this._actionIndex = Math.min(this._actionIndex, this._actions.length)
    }
    // Only while in the focus path: a page still being built (Back, a refresh) must not steer focus.
    if (this.hasFocus()) this._refocus()
    // New data (a play's progress, a purchase): the play prepared from the old is redone.
    if (this.active) this.preparePlay()
  }

  /**
   * The play the focused button starts, when it asks nothing at the press
   * (domain playsWithoutAsking), is authorised and preloaded while the
   * viewer reads (player/launch.ts): the picture then comes in a blink.
   */
  private preparePlay(): void {
    const data = this._data
    const action = this._area === 'actions' ? this._actions[this._actionIndex] : undefined
    const target = data && action && action.kind !== 'trailer' ? actionTarget(action, data.title.id, data.title.access) : null
    const ratingLimit = signedInAccount()?.ratingLimit ?? null
    if (data && target?.kind === 'navigate' && playsWithoutAsking(data.title.access, data.title.rating, ratingLimit, Date.now())) preparePlayAhead(target.hash, data.title)
    else dropPlayAhead()
  }

  /** Stacks the texts under the title, which takes one line or two (long and CJK names wrap). */
  private flow(): void {
    this.Title.loadTexture()
    this.Meta.y = TITLE_Y + this.Title.renderHeight + 12
    this.Badge.y = this.Meta.y + 48
    this.Synopsis.y = this.Badge.y + 60
    this.Synopsis.loadTexture()
    this.Cast.y = this.Synopsis.y + this.Synopsis.renderHeight + 16
    this.Notice.y = this.Cast.y
    this.Actions.y = this.Cast.y + CAST_H + CAST_GAP
    this.Episodes.y = this.Actions.y + EPISODES_GAP
  }

  override _getFocused(): Lightning.Component {
    if (this._area === 'episodes' && this.Episodes.visible) return this.Episodes
    return (this.Actions.children[this._actionIndex] as Button | undefined) ?? this
  }

  override _handleLeft(): void {
    if (this._area === 'actions') this._actionIndex = Math.max(0, this._actionIndex - 1)
  }

  override _handleRight(): void {
    if (this._area === 'actions') this._actionIndex = Math.min(this._actions.length, this._actionIndex + 1)
  }

  override _handleDown(): void {
    if (this._area === 'actions' && this.Episodes.visible) this._area = 'episodes'
  }

  override _handleUp(): void {
    if (this._area === 'episodes') this._area = 'actions'
    else Router.focusWidget('Menu')
  }

  /**
   * Into the player after the commerce checks (App handlers): the parental PIN
   * for a title above the account's rating limit, and consent before the first
   * play of a rental starts its 48 h window. Trailers are free to all.
   */
  private async play(hash: string, title: TitleDetails, action: DetailAction | null): Promise<void> {
    if (action?.kind === 'trailer') {
      startPlay(hash, title)
      Router.navigate(hash)
      return
    }
    if (!(await this.fireAncestors('$checkParental', title.rating))) return
    if (startsRentalWindow(title.access.entitlement, Date.now()) && !(await this.fireAncestors('$confirmRentalStart', title.id))) return
    // The play starts now, beside the Player page's build (it takes it over).
    startPlay(hash, title)
    Router.navigate(hash)
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
    const data = this._data
    if (!data || this._area !== 'actions') return
    if (this._actionIndex === this._actions.length) {
      void this.toggleWatchlist()
      return
    }
    const action = this._actions[this._actionIndex]
    if (!action) return
    const target = actionTarget(action, data.title.id, data.title.access)
    if (!target) return
    if (target.kind === 'navigate') void this.play(target.hash, data.title, action)
    else {
      const episode = episodeToPlay(episodesInOrder(data.title.seasons), data.progress)
      void this.fireAncestors('$purchase', { titleId: data.title.id, titleName: data.title.title, rating: data.title.rating, offer: target.offer, ...(episode ? { episodeId: episode.id } : {}) })
    }
  }
}

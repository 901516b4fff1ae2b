/**
 * What to say when focus moves, following the Lightning SDK Announcer's
 * convention so components can opt in with the same properties:
 * `announce` (else `title`) on each component that gained focus, then
 * `announceContext` from the innermost outwards. A focused component that
 * declares nothing is read from its visible texts: a tile's title, its access
 * badge and price are what a sighted viewer sees on it.
 */

/** The slice of a Lightning element this reads (structural, so tests use plain objects). */
export interface SceneNode {
  readonly visible: boolean
  readonly alpha: number
  readonly text: { readonly text?: unknown } | null
  hasChildren(): boolean
  readonly children: readonly SceneNode[]
  readonly announce?: unknown
  readonly title?: unknown
  readonly announceContext?: unknown
}

function phrases(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : []
  if (Array.isArray(value)) return value.flatMap(phrases)
  return []
}

/** Texts on screen under a node, in tree order; hidden and transparent branches are skipped. */
export function visibleTexts(node: SceneNode): string[] {
  if (!node.visible || node.alpha <= 0) return []
  const own = phrases(node.text?.text)
  return node.hasChildren() ? own.concat(node.children.flatMap(visibleTexts)) : own
}

function withoutRepeats(list: string[]): string[] {
  return list.filter((phrase, i) => phrase !== list[i - 1])
}

export function speechForFocus(focusPath: readonly SceneNode[], previousPath: readonly SceneNode[]): string[] {
  const gained = focusPath.filter((node) => !previousPath.includes(node))
  const said = gained.flatMap((node) => {
    const declared = phrases(node.announce)
    return declared.length > 0 ? declared : phrases(node.title)
  })
  const focused = focusPath[focusPath.length - 1]
  if (focused && gained.includes(focused) && phrases(focused.announce).length === 0 && phrases(focused.title).length === 0) {
    said.push(...visibleTexts(focused))
  }
  const context = [...gained].reverse().flatMap((node) => phrases(node.announceContext))
  return withoutRepeats([...said, ...context])
}

/** The BCP 47 tag a speech engine expects for our UI languages. */
export function speechLanguage(uiLanguage: string): string {
  if (uiLanguage === 'en') return 'en-US'
  if (uiLanguage === 'id') return 'id-ID'
  return uiLanguage
}

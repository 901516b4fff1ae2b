import { FocusAnnouncer } from '../../../src/a11y/announcer'
import { speechForFocus, speechLanguage, visibleTexts, type SceneNode } from '../../../src/a11y/speech'
import type { Speaker } from '../../../src/platform/voice'

/** A scene element as the announcer sees a Lightning one. */
function node(spec: { text?: string; visible?: boolean; alpha?: number; children?: SceneNode[]; announce?: unknown; title?: unknown; announceContext?: unknown }): SceneNode {
  const children = spec.children ?? []
  return {
    visible: spec.visible ?? true,
    alpha: spec.alpha ?? 1,
    text: spec.text === undefined ? null : { text: spec.text },
    hasChildren: () => children.length > 0,
    children,
    announce: spec.announce,
    title: spec.title,
    announceContext: spec.announceContext,
  }
}

/** A tile as the browse pages build it: poster, title, access badge with its price. */
const tile = (title: string, badge: string, price: string): SceneNode =>
  node({
    children: [
      node({ children: [node({ text: title, alpha: 0 })] }), // the title card hidden behind a loaded poster
      node({ text: title }),
      node({ children: [node({ text: badge }), node({ text: price })] }),
      node({ visible: false, children: [node({ text: 'Hidden detail' })] }),
    ],
  })

const app = node({})
const page = node({ announceContext: 'Press OK for details' })
const rail = node({ title: 'New releases' })

test('a focused tile that declares nothing is read from what is on it: title, badge, price', () => {
  const starfarer = tile('Starfarer', 'Rent', '¥5.00')
  expect(speechForFocus([app, page, rail, starfarer], [])).toEqual(['New releases', 'Starfarer', 'Rent', '¥5.00', 'Press OK for details'])
})

test('moving along a rail reads only what changed: the new tile, not the rail and page again', () => {
  const first = tile('Starfarer', 'Free', '')
  const second = tile('Moon Harbour', 'VIP', '')
  expect(speechForFocus([app, page, rail, second], [app, page, rail, first])).toEqual(['Moon Harbour', 'VIP'])
})

test('`announce` wins over `title` and over the visible texts; arrays are flattened', () => {
  const button = node({ announce: ['Buy', 'CNY 30'], title: 'ignored', children: [node({ text: 'ignored too' })] })
  expect(speechForFocus([app, button], [app])).toEqual(['Buy', 'CNY 30'])
})

test('nothing new in focus, nothing said', () => {
  const path = [app, page, rail]
  expect(speechForFocus(path, path)).toEqual([])
})

test('hidden and transparent branches are not read', () => {
  expect(visibleTexts(node({ visible: false, text: 'x' }))).toEqual([])
  expect(visibleTexts(node({ children: [node({ alpha: 0, text: 'gone' }), node({ text: 'here' })] }))).toEqual(['here'])
})

test('UI languages map to speech engine tags', () => {
  expect(speechLanguage('zh-CN')).toBe('zh-CN')
  expect(speechLanguage('en')).toBe('en-US')
  expect(speechLanguage('id')).toBe('id-ID')
})

describe('FocusAnnouncer', () => {
  function recordingSpeaker(): Speaker & { said: Array<[string[], string]>; cancelled: number } {
    const speaker = {
      said: [] as Array<[string[], string]>,
      cancelled: 0,
      speak(phrases: readonly string[], language: string) {
        speaker.said.push([[...phrases], language])
      },
      cancel() {
        speaker.cancelled++
      },
    }
    return speaker
  }

  test('silent while disabled, then reads focus changes in the UI language', () => {
    const speaker = recordingSpeaker()
    let language = 'en'
    const announcer = new FocusAnnouncer(speaker, () => language)
    const first = tile('Starfarer', 'VIP', '')
    announcer.focusChanged([app, page, first])
    expect(speaker.said).toEqual([])

    announcer.enabled = true
    const second = tile('Moon Harbour', 'Buy', '¥30')
    announcer.focusChanged([app, page, second])
    expect(speaker.said).toEqual([[['Moon Harbour', 'Buy', '¥30'], 'en-US']])

    language = 'zh-CN'
    announcer.focusChanged([app, page, first])
    expect(speaker.said[1]).toEqual([['Starfarer', 'VIP'], 'zh-CN'])
  })

  test('turning it off stops speech; say() is silent while off', () => {
    const speaker = recordingSpeaker()
    const announcer = new FocusAnnouncer(speaker, () => 'en')
    announcer.enabled = true
    announcer.say(['Purchase complete'])
    announcer.enabled = false
    announcer.say(['Not said'])
    expect(speaker.said).toEqual([[['Purchase complete'], 'en-US']])
    expect(speaker.cancelled).toBe(1)
  })
})

import { announce, startAnnouncer } from '../../../src/a11y'

/** A Samsung TV as the announcer sees it: Voice Guide in webapis.tvinfo, speechSynthesis, a document that can be hidden. */
function samsungTv(): { win: Window; spoken: string[]; setVoiceGuide(on: boolean): void; show(): void } {
  let voiceGuide = 0
  const spoken: string[] = []
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' })
  class Utterance {
    lang = ''
    constructor(readonly text: string) {}
  }
  const win = {
    document,
    speechSynthesis: { speak: (u: Utterance) => spoken.push(`${u.lang}|${u.text}`), cancel: () => undefined },
    SpeechSynthesisUtterance: Utterance,
    webapis: { tvinfo: { getMenuValue: () => voiceGuide, TvInfoMenuKey: { VOICE_GUIDE_KEY: 15 }, TvInfoMenuValue: { ON: 1 } } },
  } as unknown as Window
  return {
    win,
    spoken,
    setVoiceGuide: (on) => {
      voiceGuide = on ? 1 : 0
    },
    show: () => document.dispatchEvent(new Event('visibilitychange')),
  }
}

/** Lets the announcer's pending promise callbacks run (no timers involved). */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

test("silent while the TV's voice guide is off; switched on in the TV's menu, it speaks when the app is shown again", async () => {
  const tv = samsungTv()
  await startAnnouncer(tv.win, false, () => 'en', 'tizen')
  announce('Purchase complete')
  expect(tv.spoken).toEqual([])

  tv.setVoiceGuide(true)
  tv.show()
  await settle()
  announce('Purchase complete')
  expect(tv.spoken).toHaveLength(1)
  expect(tv.spoken[0]).toBe('en-US|Purchase complete')

  tv.setVoiceGuide(false)
  tv.show()
  await settle()
  announce('Not said')
  expect(tv.spoken).toHaveLength(1)
})

test('the operator setting (or ?announce=1) keeps it on whatever the TV says', async () => {
  const tv = samsungTv()
  await startAnnouncer(tv.win, true, () => 'zh-CN', 'tizen')
  announce('欢迎')
  expect(tv.spoken).toEqual(['zh-CN|欢迎'])
})

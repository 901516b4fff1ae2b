import { createSpeaker, voiceGuidanceOn } from '../../../src/platform/voice'

const win = (extra: object): Window => extra as unknown as Window

/** LG's service bus as the web runtime exposes it: answers each call with the given JSON. */
function fakeLuna(answer: (uri: string, parameters: unknown) => object): { Bridge: new () => PalmServiceBridgeInstance; calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = []
  class Bridge implements PalmServiceBridgeInstance {
    onservicecallback: ((message: string) => void) | null = null
    call(uri: string, parameters: string): void {
      const parsed = JSON.parse(parameters) as unknown
      calls.push([uri, parsed])
      this.onservicecallback?.(JSON.stringify(answer(uri, parsed)))
    }
  }
  return { Bridge, calls }
}

describe('voice guidance', () => {
  const tvinfo = (value: number) => ({ getMenuValue: () => value, TvInfoMenuKey: { VOICE_GUIDE_KEY: 15 }, TvInfoMenuValue: { ON: 1 } })

  test("Samsung: the Voice Guide menu value from webapis.tvinfo", async () => {
    await expect(voiceGuidanceOn('tizen', win({ webapis: { tvinfo: tvinfo(1) } }))).resolves.toBe(true)
    await expect(voiceGuidanceOn('tizen', win({ webapis: { tvinfo: tvinfo(0) } }))).resolves.toBe(false)
    await expect(voiceGuidanceOn('tizen', win({}))).resolves.toBe(false)
    const oldFirmware = { getMenuValue: () => { throw new Error('not supported') }, TvInfoMenuKey: { VOICE_GUIDE_KEY: 15 } }
    await expect(voiceGuidanceOn('tizen', win({ webapis: { tvinfo: oldFirmware } }))).resolves.toBe(false)
  })

  test("LG: Audio Guidance from the settings service", async () => {
    const on = fakeLuna(() => ({ returnValue: true, settings: { audioGuidance: 'on' } }))
    await expect(voiceGuidanceOn('webos', win({ PalmServiceBridge: on.Bridge }))).resolves.toBe(true)
    expect(on.calls).toEqual([['luna://com.webos.settingsservice/getSystemSettings', { category: 'option', keys: ['audioGuidance'] }]])
    const off = fakeLuna(() => ({ returnValue: true, settings: { audioGuidance: 'off' } }))
    await expect(voiceGuidanceOn('webos', win({ PalmServiceBridge: off.Bridge }))).resolves.toBe(false)
    const failed = fakeLuna(() => ({ returnValue: false, errorText: 'denied' }))
    await expect(voiceGuidanceOn('webos', win({ PalmServiceBridge: failed.Bridge }))).resolves.toBe(false)
  })

  test('desktop browsers and RDK report it off (the setting or ?announce=1 turns reading on)', async () => {
    await expect(voiceGuidanceOn('browser', win({}))).resolves.toBe(false)
    await expect(voiceGuidanceOn('rdk', win({}))).resolves.toBe(false)
  })
})

describe('speech', () => {
  test('speechSynthesis: cancels what is being said, then queues each phrase in the language', () => {
    const events: string[] = []
    class Utterance {
      lang = ''
      constructor(readonly text: string) {}
    }
    const speechSynthesis = {
      cancel: () => events.push('cancel'),
      speak: (u: Utterance) => events.push(`${u.lang}: ${u.text}`),
    }
    const speaker = createSpeaker('tizen', win({ speechSynthesis, SpeechSynthesisUtterance: Utterance }))
    speaker?.speak(['星际远航', 'VIP'], 'zh-CN')
    expect(events).toEqual(['cancel', 'zh-CN: 星际远航', 'zh-CN: VIP'])
  })

  test("webOS without speechSynthesis speaks through LG's TTS service", () => {
    const luna = fakeLuna(() => ({ returnValue: true }))
    const speaker = createSpeaker('webos', win({ PalmServiceBridge: luna.Bridge }))
    speaker?.speak(['Starfarer', 'Rent ¥5'], 'en-US')
    expect(luna.calls).toEqual([['luna://com.webos.service.tts/speak', { text: 'Starfarer. Rent ¥5', clear: true }]])
  })

  test('no speech engine, no speaker', () => {
    expect(createSpeaker('rdk', win({}))).toBeNull()
  })
})

import type { PlatformId } from './detect'

/** Text to speech on this device. */
export interface Speaker {
  /** Says the phrases in order, cutting off whatever is being said. */
  speak(phrases: readonly string[], language: string): void
  cancel(): void
}

/** A webOS Luna service answer is JSON; we read one field out of it. */
const LUNA_TIMEOUT_MS = 1500

function callLuna(win: Window, uri: string, parameters: object): Promise<unknown> {
  const Bridge = win.PalmServiceBridge
  if (!Bridge) return Promise.resolve(null)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), LUNA_TIMEOUT_MS)
    const bridge = new Bridge()
    bridge.onservicecallback = (message) => {
      clearTimeout(timer)
      try {
        resolve(JSON.parse(message) as unknown)
      } catch {
        resolve(null)
      }
    }
    bridge.call(uri, JSON.stringify(parameters))
  })
}

function tizenVoiceGuide(win: Window): boolean {
  const tvinfo = win.webapis?.tvinfo
  if (!tvinfo) return false
  try {
    return tvinfo.getMenuValue(tvinfo.TvInfoMenuKey.VOICE_GUIDE_KEY) === (tvinfo.TvInfoMenuValue?.ON ?? 1)
  } catch {
    return false // older firmware without the menu key
  }
}

async function webosAudioGuidance(win: Window): Promise<boolean> {
  const answer = await callLuna(win, 'luna://com.webos.settingsservice/getSystemSettings', { category: 'option', keys: ['audioGuidance'] })
  const settings = (answer as { settings?: { audioGuidance?: unknown } } | null)?.settings
  return settings?.audioGuidance === 'on'
}

/**
 * Whether the viewer turned on the TV's own screen reader: Samsung's Voice
 * Guide, LG's Audio Guidance. Desktop browsers and RDK boxes do not say.
 */
export function voiceGuidanceOn(platform: PlatformId, win: Window): Promise<boolean> {
  switch (platform) {
    case 'tizen':
      return Promise.resolve(tizenVoiceGuide(win))
    case 'webos':
      return webosAudioGuidance(win)
    case 'rdk':
    case 'browser':
      return Promise.resolve(false)
  }
}

function speechSynthesisSpeaker(win: Window): Speaker | null {
  const synth = win.speechSynthesis
  const Utterance = win.SpeechSynthesisUtterance
  if (!synth || typeof Utterance !== 'function') return null
  // Utterances are kept until spoken: some TV engines drop events of collected ones.
  let queued: SpeechSynthesisUtterance[] = []
  return {
    speak(phrases, language) {
      synth.cancel()
      queued = phrases.map((phrase) => {
        const utterance = new Utterance(phrase)
        utterance.lang = language
        return utterance
      })
      for (const utterance of queued) synth.speak(utterance)
    },
    cancel() {
      synth.cancel()
      queued = []
    },
  }
}

/** LG's TTS service, for webOS versions whose web engine has no speechSynthesis. */
function webosTtsSpeaker(win: Window): Speaker | null {
  if (!win.PalmServiceBridge) return null
  return {
    speak(phrases) {
      void callLuna(win, 'luna://com.webos.service.tts/speak', { text: phrases.join('. '), clear: true })
    },
    cancel() {
      void callLuna(win, 'luna://com.webos.service.tts/stopAll', {})
    },
  }
}

/** The device's speech engine, or null when it has none (the app then stays silent). */
export function createSpeaker(platform: PlatformId, win: Window): Speaker | null {
  return speechSynthesisSpeaker(win) ?? (platform === 'webos' ? webosTtsSpeaker(win) : null)
}

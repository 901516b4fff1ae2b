import type { LanguageCode } from '../settings/types'

/** Simplified Chinese UI fonts as TVs, set-top boxes and their emulators name them; the first the device has draws. */
const SIMPLIFIED_CHINESE_FONTS = ['Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei']

/**
 * The fonts Lightning draws every text in (the stage's `defaultFontFace`) for the language the app starts in.
 * Chinese leads with a Chinese font: measured in the device's Latin sans-serif, every ideograph goes through the
 * browser's font fallback one by one (`measureText` before Home interactive at 4× CPU throttling: 113–138 ms, in a
 * Chinese font 26–49 ms), and its Latin letters are drawn to sit with its ideographs. Other languages keep the
 * device's sans-serif.
 */
export function fontStackFor(language: LanguageCode): string[] {
  return language === 'zh-CN' ? [...SIMPLIFIED_CHINESE_FONTS, 'sans-serif'] : ['sans-serif']
}

/** The stage as Lightning keeps its options: TextTextureRenderer reads `defaultFontFace` from them at each text's render. */
export interface FontStage {
  _options: { defaultFontFace: string | string[] }
}

/**
 * After a language switch, the texts drawn from then on (every label the switch changes) are in the new
 * language's fonts, as if the app had started in it. Texts the switch leaves as they were (a price, "VIP") keep
 * the textures already drawn until they are drawn anew.
 */
export function useFontsFor(stage: FontStage, language: LanguageCode): void {
  stage._options.defaultFontFace = fontStackFor(language)
}

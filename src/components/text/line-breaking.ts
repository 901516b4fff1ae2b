import { TextTokenizer } from '@lightningjs/core'
import { cjkTokens } from './cjk-tokens'

/**
 * Makes Lightning's text wrapping (the `wrapping` style in theme.ts) break
 * Chinese between characters. Pure-ASCII text keeps the default
 * tokenizer. Called once at boot, before any catalogue text is drawn.
 */
export function installCjkLineBreaking(): void {
  TextTokenizer.setCustomTokenizer((text) => [{ tokens: cjkTokens(text) }], true)
}

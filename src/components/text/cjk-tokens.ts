/**
 * Line-break opportunities for Chinese (and Japanese/Korean) text. Lightning's
 * default tokenizer breaks only at spaces, so a Chinese title or synopsis is one
 * long "word". Here every ideograph is its own token (a line may break between
 * any two), Latin words and emoji stay whole, closing punctuation never starts
 * a line and opening punctuation never ends one. Pure: no Lightning here.
 */

/** CJK ideographs, kana, hangul, CJK punctuation and full-width forms. */
const CJK = /[\u2E80-\u2FFF\u3000-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/

/** Never at the start of a line: they stay with what precedes them. */
const CLOSING = new Set(Array.from('，。、：；！？）」』》〉】〕…·‧,.:;!?)%'))

/** Never at the end of a line: they stay with what follows them. */
const OPENING = new Set(Array.from('（「『《〈【〔('))

const ZERO_WIDTH_SPACE = '\u200B'

export function cjkTokens(text: string): string[] {
  const tokens: string[] = []
  let word = ''
  /** The last character was an opening bracket: the next one joins it. */
  let glue = false
  const flush = (): void => {
    if (word) tokens.push(word)
    word = ''
  }
  for (const ch of Array.from(text)) {
    if (ch === ' ') {
      flush()
      tokens.push(' ')
      glue = false
    } else if (ch === ZERO_WIDTH_SPACE) {
      flush()
      glue = false
    } else if (CLOSING.has(ch)) {
      const last = tokens[tokens.length - 1]
      if (word) word += ch
      else if (last !== undefined && last !== ' ') tokens[tokens.length - 1] = last + ch
      else word = ch
    } else if (CJK.test(ch)) {
      if (!glue) flush()
      word += ch
      glue = OPENING.has(ch)
      if (!glue) flush()
    } else {
      // Latin letters, digits, emoji: one word until a space or an ideograph.
      const previous = Array.from(word).pop()
      if (!glue && previous !== undefined && CJK.test(previous)) flush()
      word += ch
      glue = OPENING.has(ch)
    }
  }
  flush()
  return tokens
}

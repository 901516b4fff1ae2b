import { cjkTokens } from './cjk-tokens'

test('every ideograph may start a line; the text is unchanged when joined', () => {
  const text = '长安夜行'
  expect(cjkTokens(text)).toEqual(['长', '安', '夜', '行'])
  expect(cjkTokens(text).join('')).toBe(text)
})

test('closing punctuation stays with the character before it, opening with the one after', () => {
  expect(cjkTokens('家族、梦想。')).toEqual(['家', '族、', '梦', '想。'])
  expect(cjkTokens('《长安》')).toEqual(['《长', '安》'])
  expect(cjkTokens('龙腾四海：一个')).toEqual(['龙', '腾', '四', '海：', '一', '个'])
})

test('Latin words and emoji stay whole, spaces stay their own tokens', () => {
  expect(cjkTokens('🐉 龙腾 VIP会员 2026年')).toEqual(['🐉', ' ', '龙', '腾', ' ', 'VIP', '会', '员', ' ', '2026', '年'])
  expect(cjkTokens("Night Watch of Chang'an")).toEqual(['Night', ' ', 'Watch', ' ', 'of', ' ', "Chang'an"])
})

test('a zero-width space is a break opportunity that prints nothing', () => {
  expect(cjkTokens('ab\u200Bcd')).toEqual(['ab', 'cd'])
})

test('joined tokens give back the text without its zero-width spaces, for mixed input', () => {
  const text = '🐉 龙腾四海：一个关于家族、梦想、远方与回家之路的超长片名 🎆 (Director’s cut)'
  expect(cjkTokens(text).join('')).toBe(text)
})

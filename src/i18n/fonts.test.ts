import { fontStackFor } from './fonts'

test('Chinese is drawn in a Chinese font first, the device sans-serif last', () => {
  const stack = fontStackFor('zh-CN')
  expect(stack[0]).toBe('Noto Sans CJK SC')
  expect(stack).toContain('PingFang SC')
  expect(stack[stack.length - 1]).toBe('sans-serif')
})

test.each(['en', 'id'] as const)('%s keeps the device sans-serif', (language) => {
  expect(fontStackFor(language)).toEqual(['sans-serif'])
})

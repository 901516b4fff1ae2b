import { announceChange, onChange } from '../../../src/api/changes'

test('listeners of a topic hear its announcements, not other topics', () => {
  const heard: string[] = []
  const stopA = onChange('entitlements', () => heard.push('entitlements'))
  const stopB = onChange('language', () => heard.push('language'))
  announceChange('entitlements')
  expect(heard).toEqual(['entitlements'])
  stopA()
  stopB()
})

test('a listener that stopped listening hears nothing more, even if it stops during an announcement', () => {
  const heard: number[] = []
  const stopFirst = onChange('progress', () => {
    heard.push(1)
    stopFirst()
  })
  const stopSecond = onChange('progress', () => heard.push(2))
  announceChange('progress')
  announceChange('progress')
  expect(heard).toEqual([1, 2, 2])
  stopSecond()
})

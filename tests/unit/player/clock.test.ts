import { seekStepSeconds } from '../../../src/player/clock'

test('a held seek key goes 10 s a step, then 20, 30 and 60 s the longer it is held', () => {
  expect([0, 2, 3, 5, 6, 9, 12, 40].map(seekStepSeconds)).toEqual([10, 10, 10, 10, 20, 30, 60, 60])
})

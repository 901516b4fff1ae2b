import { digitSeekSeconds, seekStepSeconds } from '../../../src/player/clock'

test('a held seek key goes 10 s a step, then 20, 30 and 60 s the longer it is held', () => {
  expect([0, 2, 3, 5, 6, 9, 12, 40].map(seekStepSeconds)).toEqual([10, 10, 10, 10, 20, 30, 60, 60])
})

test('a number key goes its tenth of the way into the play: 0 the start, 5 half way, 9 nine tenths', () => {
  expect([0, 1, 5, 9].map((digit) => digitSeekSeconds(digit, 3_000))).toEqual([0, 300, 1_500, 2_700])
})

// The bundle-size benchmark's split by origin: VLQ decoding and range attribution on a hand-made source map.
import { decodeVlq, splitByOrigin } from '../../bench/support/sourcemap'
import { originOf } from '../../bench/sections/bundle'

test('decodes Base64 VLQ segments, with signs and continuation digits', () => {
  expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0])
  expect(decodeVlq('AAgBC')).toEqual([0, 0, 16, 1])
  expect(decodeVlq('D')).toEqual([-1])
  expect(decodeVlq('2H')).toEqual([123])
})

test('attributes each generated range to the source of its segment; unmapped code and line breaks go to "other"', () => {
  // Line 0: "(app)(lib)" — col 0 → source 0, col 5 → source 1. Line 1: "glue" with a segment without a source.
  const code = '(app)(lib)\nglue'
  const map = { version: 3, sources: ['../../src/App.ts', '../../node_modules/@lightningjs/core/index.js'], mappings: 'AAAA,KCAA;A' }
  const parts = splitByOrigin(code, map, originOf)
  expect(parts.get('app')).toBe('(app)')
  expect(parts.get('lightning')).toBe('(lib)')
  expect(parts.get('other')).toBe('glue\n')
  expect([...parts.values()].join('').length).toBe(code.length)
})

test('origins: our src/, Lightning, Shaka, everything else', () => {
  expect(originOf('../../src/pages/Home/Home.ts')).toBe('app')
  expect(originOf('../../node_modules/@lightningjs/sdk/src/Router/index.js')).toBe('lightning')
  expect(originOf('../../node_modules/shaka-player/dist/shaka-player.compiled.js')).toBe('shaka')
  expect(originOf('../../node_modules/core-js/modules/es.array.js')).toBe('other')
  expect(originOf('../../node_modules/axios/lib/axios.js')).toBe('other')
})

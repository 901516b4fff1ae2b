// The memory benchmark's leak figure: a heap snapshot split into JS objects, compiled code and Blink's objects.
import { splitHeap, type HeapSnapshot } from '../../bench/support/heap'

test('sums own sizes by kind, whatever the order of the node fields', () => {
  const types = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic', 'concatenated string', 'sliced string', 'symbol', 'bigint', 'object shape']
  const at = (name: string): number => types.indexOf(name)
  const snapshot: HeapSnapshot = {
    snapshot: { meta: { node_fields: ['self_size', 'type', 'name', 'id'], node_types: [types] } },
    // self_size, type, name, id
    nodes: [0, at('synthetic'), 0, 1, 100, at('object'), 0, 2, 40, at('closure'), 0, 3, 7, at('string'), 0, 4, 500, at('code'), 0, 5, 300, at('native'), 0, 6, 16, at('object shape'), 0, 7],
  }
  expect(splitHeap(snapshot)).toEqual({ objects: 163, code: 500, native: 300 })
})

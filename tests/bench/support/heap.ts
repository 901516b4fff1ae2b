// The JS heap split by what holds it, from a heap snapshot taken through the DevTools protocol. JSHeapUsedSize
// also counts V8's compiled code, which keeps growing for a while as more functions get optimised; a leak is
// objects the app keeps, so the page-cycle figure compares the objects alone.
import type { CDPSession } from 'playwright-core'

export interface HeapKinds {
  /** JS objects, arrays, closures, strings, shapes: what a leak of the app's data would grow. */
  objects: number
  /** Bytecode, feedback and optimised machine code. */
  code: number
  /** Blink's own objects (DOM, media, DevTools' network records) seen from the JS heap. */
  native: number
}

/** The parts of V8's .heapsnapshot format read here: one flat array of nodes, `node_fields.length` numbers each. */
export interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
  nodes: number[]
}

export async function heapKinds(cdp: CDPSession): Promise<HeapKinds> {
  const chunks: string[] = []
  const collect = (event: { chunk: string }): void => void chunks.push(event.chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect)
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', collect)
  }
  return splitHeap(JSON.parse(chunks.join('')) as HeapSnapshot)
}

/** Sums each node's own size by its kind; the synthetic roots have none. */
export function splitHeap({ snapshot, nodes }: HeapSnapshot): HeapKinds {
  const fields = snapshot.meta.node_fields
  const typeNames = snapshot.meta.node_types[0]
  const typeAt = fields.indexOf('type')
  const sizeAt = fields.indexOf('self_size')
  const kinds: HeapKinds = { objects: 0, code: 0, native: 0 }
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = typeNames[nodes[i + typeAt]!]
    const size = nodes[i + sizeAt]!
    if (type === 'code') kinds.code += size
    else if (type === 'native') kinds.native += size
    else if (type !== 'synthetic') kinds.objects += size
  }
  return kinds
}

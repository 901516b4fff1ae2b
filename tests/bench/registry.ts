// The benchmark sections `npm run bench` runs, in order (DESIGN.md "How it is tested"): bundle sizes, server
// throughput, then the Chromium ones: startup, key-to-frame latency, what a frame's GL work costs (fill), memory at
// 1k/10k tiles and across page cycles, time to first frame.
import type { BenchSection } from './types'
import { bundleSection } from './sections/bundle'
import { serverSection } from './sections/server'
import { startupSection } from './sections/startup'
import { latencySection } from './sections/latency'
import { fillSection } from './sections/fill'
import { memorySection } from './sections/memory'
import { ttffSection } from './sections/ttff'

export const SECTIONS: BenchSection[] = [bundleSection, serverSection, startupSection, latencySection, fillSection, memorySection, ttffSection]

// The benchmark sections `npm run bench` runs, in order. Sections still to come (DESIGN.md "How it is tested"):
// startup, key-to-frame latency, memory at 1k/10k tiles and time to first frame, in Chromium with CPU throttling.
import type { BenchSection } from './types'
import { bundleSection } from './sections/bundle'
import { serverSection } from './sections/server'

export const SECTIONS: BenchSection[] = [bundleSection, serverSection]

import path from 'node:path'

/** Where the e2e run finds its inputs and writes its outputs (global-setup fills in the env). */
export const root = path.resolve(__dirname, '../../..')
export const distDir = path.resolve(root, process.env.MARQUEE_DIST_DIR ?? 'dist')
export const mediaDir = path.resolve(root, process.env.MARQUEE_MEDIA_DIR ?? 'test-output/media')
export const outputDir = path.join(root, 'test-output/e2e')

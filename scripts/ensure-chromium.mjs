// Makes sure the end-to-end tests have what they need: Debian's Chromium (the
// tests never download a browser), a CJK font so Chinese text renders and an
// emoji font so titles with emoji render as a viewer's TV shows them.
// As root it installs them with apt-get; otherwise it says how and stops.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const cjkFontDirs = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto']
const missing = []
if (!fs.existsSync(chromium)) missing.push('chromium')
if (!cjkFontDirs.some((dir) => fs.existsSync(dir) && fs.readdirSync(dir).some((f) => /CJK/i.test(f)))) missing.push('fonts-noto-cjk')
if (!fs.existsSync('/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf')) missing.push('fonts-noto-color-emoji')

if (missing.length === 0) process.exit(0)

const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
if (!isRoot) {
  console.error(`The end-to-end tests need Debian packages: ${missing.join(', ')}.\nInstall them as root:\n  ${command}`)
  process.exit(1)
}
console.log(`Installing ${missing.join(', ')} for the end-to-end tests (apt-get, about a minute)…`)
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env })
if (!fs.existsSync(chromium)) {
  console.error(`apt-get finished but ${chromium} is still missing`)
  process.exit(1)
}

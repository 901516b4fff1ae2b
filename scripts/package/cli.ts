// npm run package:tizen | package:webos: the TV packages from the built app.
//   MARQUEE_DIST_DIR       the built app [dist]
//   MARQUEE_RELEASE_DIR    where packages go [release]
//   --settings FILE        ship an operator's settings.local.json inside the package
//   Tizen only: TIZEN_SIGNING_PROFILE (or --sign NAME) signs with that certificate
//   profile through Samsung's `tizen` CLI (TIZEN_CLI: its path when not on the PATH);
//   TIZEN_PACKAGE_ID [MarqueeTV0] (10 letters/digits).
import fs from 'node:fs'
import path from 'node:path'
import { readIdentity } from './app-files'
import { packageTizen } from './tizen'
import { packageWebOS } from './webos'
import type { ArchiveEntry } from './zip'

const root = path.resolve(__dirname, '../..')

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name)
  return at >= 0 ? process.argv[at + 1] : undefined
}

function operatorSettings(): ArchiveEntry[] {
  const file = option('--settings')
  if (!file) return []
  JSON.parse(fs.readFileSync(file, 'utf8')) // refuse to ship a broken file
  return [{ name: 'settings.local.json', data: fs.readFileSync(file) }]
}

function main(): void {
  const target = process.argv[2]
  const distDir = path.resolve(root, process.env.MARQUEE_DIST_DIR ?? 'dist')
  const outDir = path.resolve(root, process.env.MARQUEE_RELEASE_DIR ?? 'release')
  const identity = readIdentity(root)
  const extra = operatorSettings()
  if (target === 'tizen') {
    const signingProfile = option('--sign') ?? process.env.TIZEN_SIGNING_PROFILE
    const result = packageTizen({ distDir, outDir, identity, extra, packageId: process.env.TIZEN_PACKAGE_ID ?? 'MarqueeTV0', signingProfile, tizenCli: process.env.TIZEN_CLI })
    console.log(`[package] ${result.file} (${result.signed ? `signed with profile ${signingProfile}` : 'unsigned: see README, Samsung Tizen'})`)
  } else if (target === 'webos') {
    console.log(`[package] ${packageWebOS({ distDir, outDir, identity, extra }, root).file}`)
  } else {
    throw new Error('usage: tsx scripts/package/cli.ts tizen|webos [--settings FILE] [--sign PROFILE]')
  }
}

try {
  main()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}

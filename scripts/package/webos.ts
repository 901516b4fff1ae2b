import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { distEntries, writeTree, type AppIdentity } from './app-files'
import { iconPng } from './icons'
import type { ArchiveEntry } from './zip'

/** LG's launcher sizes: an 80 px icon and a 130 px large icon. */
export const WEBOS_ICONS = [
  { file: 'icon.png', width: 80, height: 80 },
  { file: 'largeIcon.png', width: 130, height: 130 },
] as const

export interface WebOSAppInfo {
  id: string
  version: string
  vendor: string
  type: 'web'
  main: string
  title: string
  icon: string
  largeIcon: string
  bgColor: string
  iconColor: string
  resolution: string
  /** The app handles Back (461) itself instead of the platform stepping through history. */
  disableBackHistoryAPI: true
  /** A second launch with a deep link arrives as a webOSRelaunch event, not a reload. */
  handlesRelaunch: boolean
}

export function webosAppInfo(identity: AppIdentity): WebOSAppInfo {
  return {
    id: identity.id,
    version: identity.version,
    vendor: identity.vendor,
    type: 'web',
    main: 'index.html',
    title: identity.title,
    icon: WEBOS_ICONS[0].file,
    largeIcon: WEBOS_ICONS[1].file,
    bgColor: '#0b0b12',
    iconColor: '#0b0b12',
    resolution: '1920x1080',
    disableBackHistoryAPI: true,
    handlesRelaunch: true,
  }
}

export function webosEntries(distDir: string, identity: AppIdentity, extra: readonly ArchiveEntry[] = []): ArchiveEntry[] {
  return [
    { name: 'appinfo.json', data: Buffer.from(`${JSON.stringify(webosAppInfo(identity), null, 2)}\n`) },
    ...WEBOS_ICONS.map((icon) => ({ name: icon.file, data: iconPng(icon.width, icon.height) })),
    ...distEntries(distDir),
    ...extra,
  ]
}

export interface WebOSPackageOptions {
  distDir: string
  outDir: string
  identity: AppIdentity
  extra?: readonly ArchiveEntry[]
}

/** The webOS CLI from the npm registry (devDependency @webos-tools/cli). */
function aresPackage(root: string): string {
  return path.join(root, 'node_modules/@webos-tools/cli/bin/ares-package.js')
}

/**
 * Writes `<id>_<version>_all.ipk` with LG's own `ares-package` (it runs
 * offline). `--no-minify`: our bundles are already minified, and its older
 * terser cannot parse the modern bundle.
 */
export function packageWebOS(options: WebOSPackageOptions, root: string): { file: string } {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-webos-'))
  try {
    writeTree(staging, webosEntries(options.distDir, options.identity, options.extra))
    fs.mkdirSync(options.outDir, { recursive: true })
    execFileSync(process.execPath, [aresPackage(root), '--no-minify', '-o', options.outDir, staging], { stdio: 'pipe' })
    const file = path.join(options.outDir, `${options.identity.id}_${options.identity.version}_all.ipk`)
    if (!fs.existsSync(file)) throw new Error(`ares-package did not write ${file}`)
    return { file }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}

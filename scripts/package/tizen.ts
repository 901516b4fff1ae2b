import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { distEntries, writeTree, type AppIdentity } from './app-files'
import { iconPng } from './icons'
import { writeZip, type ArchiveEntry } from './zip'

/** Samsung asks for a 512×423 launcher icon on TVs. */
export const TIZEN_ICON = { file: 'icon.png', width: 512, height: 423 } as const

export const TIZEN_PRIVILEGES = ['http://tizen.org/privilege/internet', 'http://tizen.org/privilege/tv.inputdevice'] as const

/** Tizen package ids are exactly 10 letters or digits; the application id is `<package>.<Name>`. */
export function isTizenPackageId(value: string): boolean {
  return /^[0-9A-Za-z]{10}$/.test(value)
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * config.xml of a Samsung TV web app: TV profile, full-screen landscape, remote
 * keys, network. Tizen 3.0 (the 2017 TVs, Chromium 47) is the oldest platform
 * the legacy bundle runs on; 2015–2016 models are left out of the store.
 */
export function tizenConfigXml(identity: AppIdentity, packageId: string): string {
  if (!isTizenPackageId(packageId)) throw new Error(`Tizen package id "${packageId}" must be 10 letters or digits`)
  const appName = identity.title.replace(/[^0-9A-Za-z]/g, '') || 'App'
  const privileges = TIZEN_PRIVILEGES.map((name) => `  <tizen:privilege name="${name}"/>`).join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<widget xmlns="http://www.w3.org/ns/widgets" xmlns:tizen="http://tizen.org/ns/widgets" id="https://marquee.tv/${escapeXml(identity.id)}" version="${identity.version}" viewmodes="maximized">
  <tizen:application id="${packageId}.${appName}" package="${packageId}" required_version="3.0"/>
  <tizen:profile name="tv-samsung"/>
  <name>${escapeXml(identity.title)}</name>
  <description>${escapeXml(identity.description)}</description>
  <author>${escapeXml(identity.vendor)}</author>
  <content src="index.html"/>
  <icon src="${TIZEN_ICON.file}"/>
  <access origin="*" subdomains="true"/>
  <feature name="http://tizen.org/feature/screen.size.all"/>
${privileges}
  <tizen:setting screen-orientation="landscape" context-menu="disable" background-support="disable" encryption="disable" install-location="auto" hwkey-event="enable"/>
</widget>
`
}

/**
 * Samsung's product and TV-info APIs (panel resolution, voice guide) live in
 * webapis.js, which the TV serves at $WEBAPIS; only the packaged app loads it.
 */
export function withWebApis(indexHtml: string): string {
  if (indexHtml.includes('$WEBAPIS/webapis/webapis.js')) return indexHtml
  return indexHtml.replace('</head>', '  <script src="$WEBAPIS/webapis/webapis.js"></script>\n</head>')
}

/** The files of the .wgt: the built app, config.xml and the icon (signatures are added by the tizen CLI). */
export function tizenEntries(distDir: string, identity: AppIdentity, packageId: string, extra: readonly ArchiveEntry[] = []): ArchiveEntry[] {
  const app = distEntries(distDir).map((entry) =>
    entry.name === 'index.html' ? { name: entry.name, data: Buffer.from(withWebApis(entry.data.toString('utf8'))) } : entry,
  )
  return [
    { name: 'config.xml', data: Buffer.from(tizenConfigXml(identity, packageId)) },
    { name: TIZEN_ICON.file, data: iconPng(TIZEN_ICON.width, TIZEN_ICON.height) },
    ...app,
    ...extra,
  ]
}

export interface TizenPackageOptions {
  distDir: string
  outDir: string
  identity: AppIdentity
  packageId: string
  /** A certificate profile made in Tizen Studio's Certificate Manager; unsigned without one. */
  signingProfile?: string
  /** Samsung's CLI [tizen on the PATH]; Tizen Studio installs it as ~/tizen-studio/tools/ide/bin/tizen. */
  tizenCli?: string
  extra?: readonly ArchiveEntry[]
}

export interface PackageResult {
  file: string
  signed: boolean
}

/**
 * Writes `<title>-<version>.wgt`. Without a signing profile it is the unsigned
 * zip we write ourselves (sign it later, or install on the emulator with
 * `tizen package` first); with one, Samsung's `tizen` CLI packages and signs.
 */
export function packageTizen(options: TizenPackageOptions): PackageResult {
  const entries = tizenEntries(options.distDir, options.identity, options.packageId, options.extra)
  const file = path.join(options.outDir, `${options.identity.title}-${options.identity.version}.wgt`)
  fs.mkdirSync(options.outDir, { recursive: true })
  if (!options.signingProfile) {
    fs.writeFileSync(file, writeZip(entries))
    return { file, signed: false }
  }
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-tizen-'))
  try {
    writeTree(staging, entries)
    // The CLI names the package after <name> and writes it into the project folder.
    execFileSync(options.tizenCli ?? 'tizen', ['package', '-t', 'wgt', '-s', options.signingProfile, '--', staging], { stdio: 'inherit' })
    const built = fs.readdirSync(staging).find((name) => name.endsWith('.wgt'))
    if (!built) throw new Error('tizen package wrote no .wgt')
    fs.copyFileSync(path.join(staging, built), file)
    return { file, signed: true }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}

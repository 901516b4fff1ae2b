import fs from 'node:fs'
import path from 'node:path'
import type { ArchiveEntry } from './zip'

/** What both TV packages say about the app; read from package.json and settings.json. */
export interface AppIdentity {
  /** Reverse-domain id from settings.json appSettings.id (webOS uses it as is). */
  id: string
  /** The name on the TV's launcher. */
  title: string
  /** x.y.z, as both stores require. */
  version: string
  description: string
  vendor: string
}

export function readIdentity(root: string): AppIdentity {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; description: string }
  const settings = JSON.parse(fs.readFileSync(path.join(root, 'settings.json'), 'utf8')) as { appSettings: { id: string } }
  if (!/^\d+\.\d+\.\d+$/.test(pkg.version)) throw new Error(`package.json version ${pkg.version} is not x.y.z, which TV stores require`)
  return { id: settings.appSettings.id, title: 'Marquee', version: pkg.version, description: pkg.description, vendor: 'Marquee' }
}

/** Source maps stay out of TV packages: they double the size and only help with a desktop debugger. */
const LEFT_OUT = /\.map$/

/** Every file of the built app (dist/), with forward-slash names, in a stable order. */
export function distEntries(distDir: string): ArchiveEntry[] {
  if (!fs.existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`${distDir} has no index.html: run \`npm run build\` first (or set MARQUEE_DIST_DIR)`)
  }
  const entries: ArchiveEntry[] = []
  const walk = (dir: string, prefix: string): void => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name)
      const inside = prefix ? `${prefix}/${name}` : name
      if (fs.statSync(full).isDirectory()) walk(full, inside)
      else if (!LEFT_OUT.test(name)) entries.push({ name: inside, data: fs.readFileSync(full) })
    }
  }
  walk(distDir, '')
  return entries
}

/** Writes entries under a folder (the staging copy a vendor CLI packages). */
export function writeTree(dir: string, entries: readonly ArchiveEntry[]): void {
  for (const entry of entries) {
    const file = path.join(dir, ...entry.name.split('/'))
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, entry.data)
  }
}

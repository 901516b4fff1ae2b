import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import type { AppIdentity } from './app-files'
import { drawIcon } from './icons'
import { readAr, readTarGz } from './ipk'
import { encodePng, pngSize } from './png'
import { packageTizen, tizenConfigXml, TIZEN_PRIVILEGES } from './tizen'
import { packageWebOS, webosAppInfo } from './webos'
import { readZip, writeZip } from './zip'

const root = path.resolve(__dirname, '../..')
const identity: AppIdentity = { id: 'tv.marquee.app', title: 'Marquee', version: '1.2.3', description: 'Box office & more', vendor: 'Marquee' }

let work: string
let distDir: string

/** A small built app on disk, laid out as `npm run build` lays out dist/. */
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-package-test-'))
  distDir = path.join(work, 'dist')
  const files: Record<string, string> = {
    'index.html': '<!DOCTYPE html><html><head><title>Marquee</title></head><body></body></html>',
    'app.modern.js': 'console.log("modern")',
    'app.modern.js.map': '{}',
    'app.legacy.js': 'console.log("legacy")',
    'static/translations.json': '{}',
    'static/i18n/zh-CN.json': '{"home":"首页"}',
  }
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(distDir, name)), { recursive: true })
    fs.writeFileSync(path.join(distDir, name), text)
  }
})

afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

const appFiles = ['app.legacy.js', 'app.modern.js', 'index.html', 'static/i18n/zh-CN.json', 'static/translations.json']

describe('zip', () => {
  test('reads back what it wrote, deflated text and stored incompressible bytes alike', () => {
    const random = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919) % 251))
    const entries = [
      { name: 'a.txt', data: Buffer.from('hello '.repeat(100)) },
      { name: 'dir/中文.json', data: Buffer.from('{"x":1}') },
      { name: 'bytes.bin', data: random },
      { name: 'empty', data: Buffer.alloc(0) },
    ]
    const zip = writeZip(entries)
    expect(readZip(zip)).toEqual(entries)
    expect(zip.length).toBeLessThan(600 + 300) // the repeated text was deflated
  })

  test('a corrupted file fails its CRC check', () => {
    const zip = writeZip([{ name: 'a.txt', data: Buffer.from('abcdefgh') }])
    const at = zip.indexOf('abcdefgh')
    zip[at] = 0x41
    expect(() => readZip(zip)).toThrow(/CRC/)
  })
})

describe('icons', () => {
  test('PNG header carries the size, the mark is gold on the dark background', () => {
    const image = drawIcon(130, 130)
    const png = encodePng(image)
    expect(pngSize(png)).toEqual({ width: 130, height: 130 })
    const pixel = (x: number, y: number): number[] => Array.from(image.pixels.subarray((y * 130 + x) * 3, (y * 130 + x) * 3 + 3))
    expect(pixel(2, 2)).toEqual([0x0b, 0x0b, 0x12])
    // The left stroke of the M runs down the left edge of the glyph box (x ≈ 0.22 of the width).
    expect(pixel(Math.round(130 * 0.22 + 130 * 0.045), 65)).toEqual([0xff, 0xb4, 0x00])
  })

  test('the PNG data inflates to one filter byte and three bytes per pixel per row', () => {
    const png = encodePng(drawIcon(20, 10))
    const idatAt = png.indexOf('IDAT')
    const length = png.readUInt32BE(idatAt - 4)
    const raw = zlib.inflateSync(png.subarray(idatAt + 4, idatAt + 4 + length))
    expect(raw.length).toBe(10 * (1 + 20 * 3))
  })
})

describe('Samsung Tizen', () => {
  test('config.xml: TV profile, internet and tv.inputdevice privileges, landscape, hardware keys', () => {
    const xml = tizenConfigXml(identity, 'MarqueeTV0')
    expect(xml).toContain('<tizen:profile name="tv-samsung"/>')
    for (const privilege of TIZEN_PRIVILEGES) expect(xml).toContain(`<tizen:privilege name="${privilege}"/>`)
    expect(TIZEN_PRIVILEGES).toEqual(['http://tizen.org/privilege/internet', 'http://tizen.org/privilege/tv.inputdevice'])
    expect(xml).toContain('<tizen:application id="MarqueeTV0.Marquee" package="MarqueeTV0" required_version="3.0"/>')
    expect(xml).toContain('version="1.2.3"')
    expect(xml).toContain('<content src="index.html"/>')
    expect(xml).toContain('<icon src="icon.png"/>')
    expect(xml).toContain('<description>Box office &amp; more</description>')
    expect(xml).toMatch(/<tizen:setting [^>]*screen-orientation="landscape"[^>]*hwkey-event="enable"/)
    expect(xml).toContain('<access origin="*" subdomains="true"/>')
  })

  test('refuses a package id the store would reject', () => {
    expect(() => tizenConfigXml(identity, 'marquee')).toThrow(/10 letters or digits/)
  })

  test('npm run package:tizen: an unsigned .wgt with config.xml, the icon and the app, no source maps', () => {
    const outDir = path.join(work, 'release-tizen')
    const extra = [{ name: 'settings.local.json', data: Buffer.from('{"operator":{}}') }]
    const result = packageTizen({ distDir, outDir, identity, packageId: 'MarqueeTV0', extra })
    expect(result).toEqual({ file: path.join(outDir, 'Marquee-1.2.3.wgt'), signed: false })
    const entries = readZip(fs.readFileSync(result.file))
    expect(entries.map((e) => e.name)).toEqual(['config.xml', 'icon.png', ...appFiles, 'settings.local.json'])
    const byName = new Map(entries.map((e) => [e.name, e.data]))
    expect(byName.get('config.xml')?.toString()).toBe(tizenConfigXml(identity, 'MarqueeTV0'))
    expect(pngSize(byName.get('icon.png') as Buffer)).toEqual({ width: 512, height: 423 })
    // The packaged index.html loads Samsung's webapis.js (panel size, voice guide) before the app.
    expect(byName.get('index.html')?.toString()).toContain('<script src="$WEBAPIS/webapis/webapis.js"></script>\n</head>')
    expect(byName.get('static/i18n/zh-CN.json')?.toString()).toBe('{"home":"首页"}')
  })

  test("with a certificate profile Samsung's CLI signs it: `tizen package -t wgt -s <profile> -- <folder>`", () => {
    // Samsung's CLI comes with Tizen Studio, not from a registry: this stand-in records how it is
    // called and what the folder holds, and leaves a .wgt in the folder as the real one does.
    const bin = path.join(work, 'bin')
    const record = path.join(work, 'tizen-call.json')
    fs.mkdirSync(bin, { recursive: true })
    fs.writeFileSync(
      path.join(bin, 'tizen'),
      `#!${process.execPath}
const fs = require('fs'), path = require('path')
const folder = process.argv[process.argv.length - 1]
fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify({ args: process.argv.slice(2), files: fs.readdirSync(folder).sort() }))
fs.writeFileSync(path.join(folder, 'Marquee.wgt'), 'signed package')
`,
      { mode: 0o755 },
    )
    const outDir = path.join(work, 'release-signed')
    const tizenCli = path.join(bin, 'tizen')
    const result = packageTizen({ distDir, outDir, identity, packageId: 'MarqueeTV0', signingProfile: 'operator-cert', tizenCli })
    expect(result).toEqual({ file: path.join(outDir, 'Marquee-1.2.3.wgt'), signed: true })
    expect(fs.readFileSync(result.file, 'utf8')).toBe('signed package')
    const call = JSON.parse(fs.readFileSync(record, 'utf8')) as { args: string[]; files: string[] }
    expect(call.args.slice(0, 6)).toEqual(['package', '-t', 'wgt', '-s', 'operator-cert', '--'])
    expect(call.files).toEqual(['app.legacy.js', 'app.modern.js', 'config.xml', 'icon.png', 'index.html', 'static'])
  })

  test('no built app, no package: the error says to build first', () => {
    expect(() => packageTizen({ distDir: path.join(work, 'nothing'), outDir: work, identity, packageId: 'MarqueeTV0' })).toThrow(/npm run build/)
  })
})

describe('LG webOS', () => {
  test('appinfo.json: web app, index.html, icons, Back handled by the app (disableBackHistoryAPI), relaunches delivered as events', () => {
    const info = webosAppInfo(identity)
    expect(info).toMatchObject({
      id: 'tv.marquee.app',
      version: '1.2.3',
      type: 'web',
      main: 'index.html',
      title: 'Marquee',
      icon: 'icon.png',
      largeIcon: 'largeIcon.png',
      disableBackHistoryAPI: true,
      handlesRelaunch: true,
      resolution: '1920x1080',
    })
  })

  test('npm run package:webos: ares-package writes an .ipk (ar of control and data tarballs) with the app inside', () => {
    const outDir = path.join(work, 'release-webos')
    const { file } = packageWebOS({ distDir, outDir, identity }, root)
    expect(path.basename(file)).toBe('tv.marquee.app_1.2.3_all.ipk')
    const members = readAr(fs.readFileSync(file))
    expect(members.map((m) => m.name)).toEqual(['debian-binary', 'control.tar.gz', 'data.tar.gz'])
    expect(members[0]?.data.toString()).toBe('2.0\n')
    const control = readTarGz(members[1]?.data as Buffer).find((f) => f.name === 'control')?.data.toString()
    expect(control).toMatch(/^Package: tv\.marquee\.app$/m)
    expect(control).toMatch(/^Version: 1\.2\.3$/m)

    const appDir = 'usr/palm/applications/tv.marquee.app/'
    const data = readTarGz(members[2]?.data as Buffer)
    const inApp = data.filter((f) => f.name.startsWith(appDir)).map((f) => f.name.slice(appDir.length)).sort()
    expect(inApp).toEqual(['appinfo.json', 'icon.png', 'largeIcon.png', ...appFiles].sort())
    const appinfo = JSON.parse(data.find((f) => f.name === `${appDir}appinfo.json`)?.data.toString() ?? '{}') as Record<string, unknown>
    expect(appinfo).toEqual(webosAppInfo(identity))
    expect(pngSize(data.find((f) => f.name === `${appDir}largeIcon.png`)?.data as Buffer)).toEqual({ width: 130, height: 130 })
    // Not re-minified: ares-package's terser would mangle (or fail on) our bundles.
    expect(data.find((f) => f.name === `${appDir}app.modern.js`)?.data.toString()).toBe('console.log("modern")')
  })
})

import { LANGUAGES, STREAM_FORMATS, type MarqueeSettings, type SettingsOverlay } from './types'

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Deep merge where arrays and scalars of the overlay replace the base's. */
export function deepMerge<T>(base: T, overlay: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(overlay)) return (overlay === undefined ? base : overlay) as T
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(overlay)) {
    if (value === undefined) continue
    out[key] = key in out ? deepMerge(out[key], value) : value
  }
  return out as T
}

/** Built-in settings, then settings.local.json, then the URL query: the last word wins. */
export function mergeSettings(base: MarqueeSettings, ...overlays: SettingsOverlay[]): MarqueeSettings {
  return overlays.reduce<MarqueeSettings>((acc, overlay) => deepMerge(acc, overlay), base)
}

function flag(value: string | null): boolean | undefined {
  if (value === null) return undefined
  return value === '' || value === '1' || value === 'true'
}

/** Whether a query value is one of a setting's allowed values. */
function isOneOf<T extends string>(allowed: readonly T[], value: string | null): value is T {
  return value !== null && (allowed as readonly string[]).includes(value)
}

/**
 * The panels we design for. The scene is laid out in 1080p coordinates; on a
 * 720p panel the canvas is 1280×720 and Lightning scales every coordinate by 2/3.
 */
function stageFor(resolution: string | null): { w: number; h: number; precision: number } | undefined {
  if (resolution === '720' || resolution === '720p') return { w: 1280, h: 720, precision: 2 / 3 }
  if (resolution === '1080' || resolution === '1080p') return { w: 1920, h: 1080, precision: 1 }
  return undefined
}

/** The API synthesizes at most 20,000 tiles for the catalog-all rail. */
function longRailSize(value: string | null): number | undefined {
  const size = Number(value)
  return value !== null && Number.isInteger(size) && size >= 1 && size <= 20_000 ? size : undefined
}

/**
 * QA overrides from the launch URL, e.g. `?lang=en&inspector=1&resolution=720&api=http://10.0.0.2:8080/v1&longRail=10000&stream=hls`.
 * Unknown or malformed values are ignored rather than breaking the launch.
 */
export function overlayFromQuery(search: string): SettingsOverlay {
  const q = new URLSearchParams(search)
  const lang = q.get('lang')
  const api = q.get('api')
  const stream = q.get('stream')
  return {
    appSettings: { stage: stageFor(q.get('resolution')) },
    platformSettings: {
      inspector: flag(q.get('inspector')),
      showFps: flag(q.get('fps')),
      showVersion: flag(q.get('version')),
      log: flag(q.get('log')),
    },
    operator: {
      api: { baseUrl: api && /^(https?:\/\/|\/)/.test(api) ? api : undefined },
      streamFormat: isOneOf(STREAM_FORMATS, stream) ? stream : undefined,
      locale: { language: isOneOf(LANGUAGES, lang) ? lang : undefined },
      debugOverlay: flag(q.get('debug')),
      longRail: longRailSize(q.get('longRail')),
      a11y: { announce: flag(q.get('announce')) },
    },
  }
}

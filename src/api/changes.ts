/**
 * App-wide notices that data shown on screen is out of date, so every page
 * that shows it re-reads or re-renders without a restart:
 * - entitlements: a purchase completed, a rental started or expired, sign-in/out;
 * - progress: playback saved a position (Continue watching, Resume);
 * - language: the viewer switched the UI language.
 */
export type ChangeTopic = 'entitlements' | 'progress' | 'language'

type Listener = () => void
const listeners: Record<ChangeTopic, Set<Listener>> = {
  entitlements: new Set(),
  progress: new Set(),
  language: new Set(),
}

/** Listens for a topic; returns the function that stops listening (call it in _detach or on destroy). */
export function onChange(topic: ChangeTopic, listener: Listener): () => void {
  listeners[topic].add(listener)
  return () => listeners[topic].delete(listener)
}

export function announceChange(topic: ChangeTopic): void {
  for (const listener of [...listeners[topic]]) listener()
}

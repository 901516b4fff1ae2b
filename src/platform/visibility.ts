/**
 * The app going to the background and coming back: the TV's Home key, another app or the source menu over it,
 * the panel off in standby. Tizen and webOS report it as the document's visibility (both require a player to
 * pause then), as does a desktop browser's tab.
 */
export function watchVisibility(doc: Document, on: { hidden(): void; shown(): void }): () => void {
  const changed = (): void => (isHidden(doc) ? on.hidden() : on.shown())
  doc.addEventListener('visibilitychange', changed)
  return () => doc.removeEventListener('visibilitychange', changed)
}

export function isHidden(doc: Document): boolean {
  return doc.visibilityState === 'hidden'
}

/**
 * Asks for `href` now through a `<link rel="preload">`, so the request the app makes for it later (an XHR, a
 * script) takes this answer instead of starting its own. Engines without preload (older TVs) ignore the link,
 * and the later request fetches as it would have.
 */
export function preload(doc: Document, href: string, as: 'fetch' | 'script', options: { crossOrigin?: 'anonymous'; fetchPriority?: 'low' } = {}): void {
  const link = doc.createElement('link')
  link.rel = 'preload'
  link.as = as
  if (options.crossOrigin) link.crossOrigin = options.crossOrigin
  if (options.fetchPriority) link.setAttribute('fetchpriority', options.fetchPriority)
  link.href = href
  doc.head.appendChild(link)
}

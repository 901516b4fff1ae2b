// Minimal, mobile-friendly server-rendered pages (no scripts), in Chinese and English.
import { escapeXml } from '../routes/images'

export const esc = escapeXml

/** "中文 / English" label pairs. */
export function t(zh: string, en: string): string {
  return `${esc(zh)}<span class="en">${esc(en)}</span>`
}

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Marquee</title>
<style>
  body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Noto Sans CJK SC","Noto Sans SC",sans-serif;background:#0e0f14;color:#f2f2f5}
  main{max-width:28rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
  h1{font-size:1.4rem;margin:.5rem 0 1rem}
  .brand{color:#f5c518;font-weight:800;letter-spacing:.08em}
  .en{display:block;font-size:.8em;color:#a0a3b1}
  h1 .en{font-size:.65em}
  label{display:block;margin:1rem 0 .35rem;font-weight:600}
  input{box-sizing:border-box;width:100%;font-size:1.2rem;padding:.7rem .8rem;border-radius:.5rem;border:1px solid #3a3d4d;background:#1a1c25;color:#fff}
  input.code{text-transform:uppercase;letter-spacing:.15em;font-family:ui-monospace,monospace}
  .buttons{display:flex;gap:.75rem;margin-top:1.5rem}
  button{flex:1;font-size:1.05rem;padding:.8rem;border-radius:.5rem;border:0;font-weight:700}
  button.primary{background:#f5c518;color:#111}
  button.secondary{background:#2a2d3a;color:#eee}
  .card{background:#1a1c25;border-radius:.75rem;padding:1rem 1.1rem;margin:1rem 0}
  .row{display:flex;justify-content:space-between;gap:1rem;padding:.3rem 0}
  .price{font-size:1.6rem;font-weight:800;color:#f5c518}
  .msg{padding:.8rem 1rem;border-radius:.5rem;margin:1rem 0}
  .ok{background:#17372a;color:#b5f5d0}.err{background:#3d1c1f;color:#ffc4c9}
</style></head>
<body><main><div class="brand">MARQUEE</div>${body}</main></body></html>`
}

export function yuan(amountMinor: number): string {
  return `¥${(amountMinor / 100).toFixed(2)}`
}

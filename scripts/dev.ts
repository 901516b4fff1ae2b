// npm run dev: rebuilds the modern bundle on every change and serves dist/ with
// the reference server (API, media, app) on one origin. The legacy bundle is
// skipped for speed; `npm run build` makes both.
import { spawn } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const port = process.env.PORT ?? '8080'

const rollup = spawn('npx', ['rollup', '-c', 'rollup.config.js', '--watch'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, BUILD_TARGETS: 'modern', BUILD_MINIFY: '0' },
})
const server = spawn('npx', ['tsx', 'server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: port, MARQUEE_APP_DIR: path.join(root, 'dist') },
})
console.log(`Marquee dev: http://localhost:${port}/?inspector=1 (rebuilds on save; reload the page)`)

const stop = (): void => {
  rollup.kill()
  server.kill()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
rollup.on('exit', stop)
server.on('exit', stop)

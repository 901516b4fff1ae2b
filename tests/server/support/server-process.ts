// A reference server in its own process over a given data dir (media from <dataDir>/media), for tests that
// kill it: `node --import tsx tests/server/support/server-process.ts <dataDir> <secret>` prints "LISTENING <url>" when ready.
import { buildServer } from '../../../server/app'

async function main(): Promise<void> {
  const [dataDir, secret] = process.argv.slice(2)
  if (!dataDir || !secret) throw new Error('usage: server-process.ts <dataDir> <secret>')
  const app = await buildServer({ dataDir, secret })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  process.stdout.write(`LISTENING ${address}\n`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})

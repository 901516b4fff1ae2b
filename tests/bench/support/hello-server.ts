// The server benchmark's baseline: a bare Fastify route answering a small JSON, in its own process like the API.
import Fastify from 'fastify'

async function main(): Promise<void> {
  const app = Fastify({ logger: false })
  app.get('/hello', async () => ({ hello: 'world' }))
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  process.stdout.write(`LISTENING ${address}\n`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})

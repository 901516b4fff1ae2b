// The parental PIN: the lockout is in the database and survives a killed process; checking a PIN does the same
// work whatever was typed (salted scrypt of the attempt, constant-time compare of the full hash), so the time a
// verify takes does not depend on how much of the PIN is right. (No timing is measured: the code path is.)
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { call, signIn, signInAt, startServer, writeFakeMedia } from './helpers'
import { spawnServer } from './support/spawned-server'

jest.setTimeout(60_000)

type PinRes = { error?: { code: string; message: string }; unlocksAt?: string; triesLeft?: number }

test('a PIN lockout survives SIGKILL and restart of the server process', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-pin-kill-'))
  writeFakeMedia(path.join(dataDir, 'media'))
  let server = await spawnServer(dataDir, 'pin-secret')
  try {
    const { token } = await signInAt(server.base, 'demo')
    const verify = (pin: string) => call<PinRes>(server.base, 'POST', '/v1/me/pin/verify', { token, body: { pin } })
    for (let i = 0; i < 4; i++) expect((await verify('0000')).body.error?.code).toBe('pin_incorrect')
    const locked = await verify('0000')
    expect(locked.status).toBe(423)
    await server.kill('SIGKILL')
    server = await spawnServer(dataDir, 'pin-secret')
    const after = await call<PinRes>(server.base, 'POST', '/v1/me/pin/verify', { token, body: { pin: '1234' } })
    expect([after.status, after.body.error?.code, after.body.unlocksAt]).toEqual([423, 'pin_locked', locked.body.unlocksAt])
  } finally {
    await server.kill('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})

describe('verify does the same work for every attempt', () => {
  test('right, wrong-first-digit and wrong-last-digit PINs each cost one scrypt and one full-length timingSafeEqual', async () => {
    const server = await startServer()
    try {
      const { token } = await signIn(server, 'demo')
      const compare = jest.spyOn(crypto, 'timingSafeEqual')
      const derive = jest.spyOn(crypto, 'scrypt')
      try {
        for (const pin of ['1234', '9234', '1239']) {
          compare.mockClear()
          derive.mockClear()
          const res = await call<PinRes>(server.base, 'POST', '/v1/me/pin/verify', { token, body: { pin } })
          expect(res.status).toBe(pin === '1234' ? 200 : 403)
          expect(derive).toHaveBeenCalledTimes(1)
          // The PIN check compares two 32-byte scrypt outputs, never the PIN itself (token checks compare MACs).
          const pinCompares = compare.mock.calls.filter(([a, b]) => (a as Buffer).length === 32 && (b as Buffer).length === 32)
          expect(pinCompares).toHaveLength(1)
          expect(compare.mock.calls.some(([a, b]) => Buffer.from(a as Buffer).toString().includes(pin) || Buffer.from(b as Buffer).toString().includes(pin))).toBe(false)
        }
      } finally {
        compare.mockRestore()
        derive.mockRestore()
      }
    } finally {
      await server.close()
    }
  })

  test('the stored PIN is a salted hash: two accounts with the same PIN store different hashes, neither containing it', async () => {
    const server = await startServer()
    try {
      for (const name of ['pin-a', 'pin-b']) {
        const { token } = await signIn(server, name)
        expect((await call(server.base, 'PUT', '/v1/me/pin', { token, body: { newPin: '4321' } })).status).toBeLessThan(300)
      }
      const { default: Database } = await import('better-sqlite3')
      const db = new Database(path.join(server.dataDir, 'marquee.db'), { readonly: true })
      try {
        const rows = db.prepare("SELECT pin_hash, pin_salt FROM accounts WHERE name IN ('pin-a', 'pin-b')").all() as Array<{ pin_hash: string; pin_salt: string }>
        expect(rows).toHaveLength(2)
        expect(rows[0].pin_hash).not.toBe(rows[1].pin_hash)
        expect(rows[0].pin_salt).not.toBe(rows[1].pin_salt)
        for (const r of rows) expect(r.pin_hash).not.toContain('4321')
      } finally {
        db.close()
      }
    } finally {
      await server.close()
    }
  })
})

import crypto from 'node:crypto'

const KEYLEN = 32
const PARAMS = { N: 16384, r: 8, p: 1 }
export const PIN_MAX_TRIES = 5
export const PIN_LOCK_MS = 15 * 60 * 1000

export function hashPinSync(pin: string): { hash: string; salt: string } {
  const salt = crypto.randomBytes(16).toString('hex')
  const hash = crypto.scryptSync(pin, salt, KEYLEN, PARAMS).toString('hex')
  return { hash, salt }
}

export function hashPin(pin: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(pin, salt, KEYLEN, PARAMS, (err, key) => (err ? reject(err) : resolve(key)))
  })
}

/** Salted scrypt, compared in constant time. */
export async function pinMatches(pin: string, hashHex: string, salt: string): Promise<boolean> {
  const expected = Buffer.from(hashHex, 'hex')
  const actual = await hashPin(pin, salt)
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual)
}

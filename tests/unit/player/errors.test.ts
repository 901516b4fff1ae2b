import { classifyShakaError, type ShakaErrorLike } from '../../../src/player/errors'

const error = (code: number, category: number, data: unknown[] = [], severity = 2): ShakaErrorLike => ({ code, category, severity, data })
const badStatus = (status: number, body = ''): ShakaErrorLike => error(1001, 1, ['http://x/license', status, body, {}, 2])

test('a license refused as not entitled (402, or 403 not_entitled / wrong_viewer) means: open the purchase choices', () => {
  expect(classifyShakaError(error(6007, 6, [badStatus(402)]))).toEqual({ kind: 'denied', code: 6007 })
  expect(classifyShakaError(error(6007, 6, [badStatus(403, '{"error":{"code":"not_entitled","message":"no"}}')]))).toEqual({ kind: 'denied', code: 6007 })
  expect(classifyShakaError(error(6007, 6, [badStatus(403, '{"error":{"code":"wrong_viewer","message":"no"}}')]))).toEqual({ kind: 'denied', code: 6007 })
})

test('a license refused as token_expired means: renew the token and load again, not a denial', () => {
  expect(classifyShakaError(error(6007, 6, [badStatus(403, '{"error":{"code":"token_expired","message":"old"}}')]))).toEqual({ kind: 'expired', code: 6007 })
})

test('other license failures are DRM errors with their code; an unreachable license server is the network', () => {
  expect(classifyShakaError(error(6007, 6, [badStatus(403, '{"error":{"code":"token_invalid","message":"bad"}}')]))).toEqual({ kind: 'drm', code: 6007 })
  expect(classifyShakaError(error(6007, 6, [badStatus(500, 'not json')]))).toEqual({ kind: 'drm', code: 6007 })
  expect(classifyShakaError(error(6007, 6, [error(1002, 1)]))).toEqual({ kind: 'network' })
  expect(classifyShakaError(error(6001, 6))).toEqual({ kind: 'drm', code: 6001 })
})

test('no answer, a timeout or a 5xx from the CDN is network loss; a 404 is a playback error', () => {
  expect(classifyShakaError(error(1002, 1))).toEqual({ kind: 'network' })
  expect(classifyShakaError(error(1003, 1))).toEqual({ kind: 'network' })
  expect(classifyShakaError(badStatus(503))).toEqual({ kind: 'network' })
  expect(classifyShakaError(badStatus(404))).toEqual({ kind: 'playback', code: 1001 })
  expect(classifyShakaError(error(3016, 3))).toEqual({ kind: 'playback', code: 3016 })
})

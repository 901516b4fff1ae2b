import { resolveDeepLink, routeForTarget, type LaunchSources } from '../../../src/deeplink/deeplink'
import { onRelaunch, platformLaunchTarget, tizenLaunchTarget, webosTargetFromParams } from '../../../src/platform/launch'

const launch = (sources: Partial<LaunchSources>): LaunchSources => ({ platformTarget: null, search: '', hash: '', ...sources })

describe('deep link from the launch URL', () => {
  test('?deeplink=details/<id> opens the details with Home under it', () => {
    expect(resolveDeepLink(launch({ search: '?lang=en&deeplink=details/t0001' }))).toEqual({ route: 'details/t0001', history: ['home'] })
    expect(resolveDeepLink(launch({ search: '?deeplink=details%2Ft0001' }))).toEqual({ route: 'details/t0001', history: ['home'] })
  })

  test('#details/<id> and #player/<id>/<mode> work as hashes', () => {
    expect(resolveDeepLink(launch({ hash: '#details/t0042' }))).toEqual({ route: 'details/t0042', history: ['home'] })
    expect(resolveDeepLink(launch({ hash: '#player/t0042/play' }))).toEqual({ route: 'player/t0042/play', history: ['home'] })
  })

  test('every player mode, with an episode too', () => {
    for (const mode of ['play', 'startover', 'trailer']) {
      expect(routeForTarget(`player/s0007/${mode}/e0003`)).toBe(`player/s0007/${mode}/e0003`)
    }
  })

  test('spelling slack: a leading slash or hash and a trailing slash', () => {
    expect(routeForTarget('/details/t0001/')).toBe('details/t0001')
    expect(routeForTarget('#player/t0001/startover')).toBe('player/t0001/startover')
  })

  test('search/<query>: a voice assistant’s search, percent-encoded or not, tidied and escaped for the Router', () => {
    expect(routeForTarget('search/night%20watch')).toBe('search/night%20watch')
    expect(routeForTarget('search/长安')).toBe('search/%E9%95%BF%E5%AE%89')
    expect(routeForTarget("#search/  Chang'an   (2026) ")).toBe('search/Chang%27an%20%282026%29')
    expect(routeForTarget('search/100% 长安')).toBe('search/100%25%20%E9%95%BF%E5%AE%89')
    expect(routeForTarget('search/AC/DC')).toBe('search/AC%2FDC')
    expect(routeForTarget(`search/${'a'.repeat(100)}`)).toBe(`search/${'a'.repeat(64)}`)
    expect(resolveDeepLink(launch({ search: '?deeplink=search/night+watch' }))).toEqual({ route: 'search/night%20watch', history: ['home'] })
  })

  test('nothing the app cannot open: unknown pages, modes, malformed ids', () => {
    for (const target of ['account', 'details/', 'details/t 1', 'details/t0001/extra', 'player/t0001', 'player/t0001/rewind', 'player/../etc/play', 'https://evil.example/details/t1', 'search/', 'search/%20%20', 'search']) {
      expect(routeForTarget(target)).toBeNull()
    }
  })

  test('an ordinary start (no link, or Home, or a page the Router handles itself) is not a deep link', () => {
    expect(resolveDeepLink(launch({}))).toBeNull()
    expect(resolveDeepLink(launch({ hash: '#home' }))).toBeNull()
    expect(resolveDeepLink(launch({ hash: '#$' }))).toBeNull()
    expect(resolveDeepLink(launch({ search: '?deeplink=' }))).toBeNull()
  })

  test("the platform's launch parameters come first, then ?deeplink=, then the hash; invalid ones are skipped", () => {
    const all = launch({ platformTarget: 'player/t3/play', search: '?deeplink=details/t2', hash: '#details/t1' })
    expect(resolveDeepLink(all)?.route).toBe('player/t3/play')
    expect(resolveDeepLink({ ...all, platformTarget: 'garbage' })?.route).toBe('details/t2')
    expect(resolveDeepLink({ ...all, platformTarget: null, search: '' })?.route).toBe('details/t1')
  })
})

describe("the TV's launch parameters", () => {
  const tizenWith = (data: Array<{ key: string; value: string[] }>): Window =>
    ({ tizen: { application: { getCurrentApplication: () => ({ exit: () => undefined, getRequestedAppControl: () => ({ appControl: { operation: 'x', data } }) }) } } }) as unknown as Window

  test('Tizen: app control data `deeplink`, or a Smart Hub PAYLOAD', () => {
    expect(tizenLaunchTarget(tizenWith([{ key: 'deeplink', value: ['details/t0001'] }]))).toBe('details/t0001')
    expect(tizenLaunchTarget(tizenWith([{ key: 'PAYLOAD', value: [JSON.stringify({ values: 'player/t0001/play' })] }]))).toBe('player/t0001/play')
    expect(tizenLaunchTarget(tizenWith([{ key: 'PAYLOAD', value: ['not json'] }]))).toBeNull()
    expect(tizenLaunchTarget(tizenWith([]))).toBeNull()
    expect(platformLaunchTarget('tizen', tizenWith([{ key: 'contentTarget', value: ['details/t9'] }]))).toBe('details/t9')
  })

  test('Tizen launched from the app list (no app control) has no target', () => {
    const win = { tizen: { application: { getCurrentApplication: () => ({ exit: () => undefined, getRequestedAppControl: () => { throw new Error('none') } }) } } }
    expect(tizenLaunchTarget(win as unknown as Window)).toBeNull()
  })

  test('webOS: launchParams contentTarget (LG) or deeplink', () => {
    expect(webosTargetFromParams('{"contentTarget":"details/t0001"}')).toBe('details/t0001')
    expect(webosTargetFromParams({ deeplink: 'player/t0001/trailer' })).toBe('player/t0001/trailer')
    expect(webosTargetFromParams('{}')).toBeNull()
    expect(webosTargetFromParams('garbage')).toBeNull()
    const win = { PalmSystem: { launchParams: '{"contentTarget":"details/t7"}' } } as unknown as Window
    expect(platformLaunchTarget('webos', win)).toBe('details/t7')
    expect(platformLaunchTarget('browser', win)).toBeNull()
    // webOS TV 6 and later name the runtime object webOSSystem.
    const newer = { webOSSystem: { launchParams: '{"contentTarget":"player/t8/play"}' } } as unknown as Window
    expect(platformLaunchTarget('webos', newer)).toBe('player/t8/play')
  })

  test('webOS relaunch while running: the app comes to the foreground and the event carries the new target', () => {
    const document = new EventTarget()
    const activate = jest.fn()
    const win = { document, PalmSystem: { activate } } as unknown as Window
    const targets: Array<string | null> = []
    const stop = onRelaunch('webos', win, (target) => targets.push(target))
    document.dispatchEvent(new CustomEvent('webOSRelaunch', { detail: { contentTarget: 'details/t0005' } }))
    document.dispatchEvent(new CustomEvent('webOSRelaunch', { detail: {} })) // the launcher icon: just come forward
    stop()
    document.dispatchEvent(new CustomEvent('webOSRelaunch', { detail: { contentTarget: 'details/t0006' } }))
    expect(targets).toEqual(['details/t0005', null])
    expect(activate).toHaveBeenCalledTimes(2)
  })

  test('Tizen: an app-control request to the running app is read again from the application API', () => {
    const win = Object.assign(new EventTarget(), {
      tizen: { application: { getCurrentApplication: () => ({ exit: () => undefined, getRequestedAppControl: () => ({ appControl: { operation: 'x', data: [{ key: 'deeplink', value: ['player/t0002/play'] }] } }) }) } },
    }) as unknown as Window
    const targets: Array<string | null> = []
    const stop = onRelaunch('tizen', win, (target) => targets.push(target))
    win.dispatchEvent(new Event('appcontrol'))
    stop()
    win.dispatchEvent(new Event('appcontrol'))
    expect(targets).toEqual(['player/t0002/play'])
  })
})

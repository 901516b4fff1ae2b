// What the Chromium benchmarks read inside the page, installed before any page script runs (plain JS, as Chromium
// runs it). The same probe serves the app and its baselines, and it needs no inspector (which mirrors every element
// into the DOM and would change the very costs measured).
//
// - Lightning's Stage is found as it is built: it is the object that assigns itself a `textureManager`, so a setter
//   on Object.prototype catches it once and then removes itself. Through it the probe reads the focus path and the
//   texture manager's own memory count (pixels of loaded textures).
// - Key-to-frame: a keydown listener that runs before Lightning's notes the event's time and the focused component;
//   after each of the stage's `frameEnd` (the frame's GL calls are issued) it checks whether the focus changed: the
//   first frame that has the new focus ends the measurement. Each press is also split into the time it queued, the
//   wait for that frame to start and the frame's own JS.
//   It also counts the frames Lightning drew (its render ran: something changed) and, while keys are measured,
//   the time from one drawn frame to the next when no frame was skipped between them: how long a frame takes
//   when frames run back to back, which is what a press waits for behind a frame in flight.
// - First video frame: requestVideoFrameCallback on every <video> after an Enter keydown.

/** Where one press's time went: its three parts add up to its sample. */
export interface PressParts {
  /** keydown time stamp → its listener ran (the main thread was busy). */
  queued: number
  /** Listener → start of the frame that drew the new focus (frames wait for the last one's GPU work). */
  toFrame: number
  /** That frame's own JS: Lightning's update and render calls, frameStart → frameEnd. */
  frame: number
}

export interface ProbeLatency {
  samples: number[]
  /** Per drawn press, in the order of `samples`. */
  parts: PressParts[]
  /** Presses whose focus did not change within a second (a rail end, a swallowed key). */
  misses: number
  presses: number
}

export interface ProbeWindow {
  __bench: {
    stage: unknown
    focusNames(): string[]
    focusedRail(): { focusIndex: number; itemCount: number; builtTiles: number; heldItems: number } | null
    /** The label of the focused button (Button's `label`), or null when the focus is not on one. */
    focusedLabel(): string | null
    scrollRail(target: number, timeoutMs: number): Promise<number>
    textureBytes(): number
    latency: ProbeLatency
    /** Frames Lightning drew since the stage was built: frames with no change are not drawn. */
    drawnFrames: number
    /** While keys are measured: ms from a drawn frame to the next, for frames drawn back to back. */
    framePeriods: number[]
    measureKeys: boolean
    /** Set on an Enter keydown while `armVideo` is on; t1 when a new video frame was presented. */
    video: { t0: number; t1: number | null } | null
    armVideo: boolean
  }
}

export const PROBE_SCRIPT = `(() => {
  const bench = {
    stage: null,
    latency: { samples: [], parts: [], misses: 0, presses: 0 },
    drawnFrames: 0,
    framePeriods: [],
    measureKeys: false,
    video: null,
    armVideo: false,
    focusNames() {
      const app = bench.stage && bench.stage.application;
      const path = (app && app.focusPath) || [];
      return path.map((c) => c.constructor.name);
    },
    // The innermost Rail on the focus path (class names survive minification: keep_classnames).
    focusedRail() {
      const app = bench.stage && bench.stage.application;
      const rail = ((app && app.focusPath) || []).filter((c) => c.constructor.name === 'Rail').pop();
      return rail ? { focusIndex: rail.focusIndex, itemCount: rail.itemCount, builtTiles: rail.builtTileCount, heldItems: rail.heldItemCount } : null;
    },
    focusedLabel() {
      const app = bench.stage && bench.stage.application;
      const last = ((app && app.focusPath) || []).slice(-1)[0];
      return last && typeof last.label === 'string' ? last.label : null;
    },
    // Presses Right (the keydown Lightning reads from a remote) up to 8 times a frame, never past the items the
    // focused rail has loaded, until its focus reaches target; resolves with where it got to.
    scrollRail(target, timeoutMs) {
      return new Promise((resolve) => {
        const deadline = performance.now() + timeoutMs;
        const step = () => {
          const rail = bench.focusedRail();
          const at = rail ? rail.focusIndex : -1;
          if (!rail || at >= target || performance.now() > deadline) return resolve(at);
          for (let i = 0; i < Math.min(8, rail.itemCount - 1 - at, target - at); i++) {
            const event = new KeyboardEvent('keydown', { key: 'ArrowRight', code: 'ArrowRight', bubbles: true });
            Object.defineProperty(event, 'keyCode', { get: () => 39 });
            window.dispatchEvent(event);
          }
          requestAnimationFrame(step);
        };
        step();
      });
    },
    // Lightning counts texture memory in pixels; loaded textures are RGBA.
    textureBytes() {
      return bench.stage && bench.stage.textureManager ? bench.stage.textureManager.usedMemory * 4 : 0;
    },
  };
  window.__bench = bench;
  // Presses not yet drawn: a slow frame may hold several.
  let pending = [];
  const focused = () => {
    const app = bench.stage && bench.stage.application;
    const path = app && app.focusPath;
    return path && path.length ? path[path.length - 1] : null;
  };
  Object.defineProperty(Object.prototype, 'textureManager', {
    configurable: true,
    set(value) {
      Object.defineProperty(this, 'textureManager', { value: value, writable: true, configurable: true, enumerable: true });
      if (bench.stage || !value || typeof this.on !== 'function') return;
      bench.stage = this;
      delete Object.prototype.textureManager;
      let frameStart = 0;
      this.on('frameStart', () => {
        frameStart = performance.now();
        // The context exists once the stage runs frames; its render is called only for a frame that changed.
        const stage = this;
        const ctx = stage.ctx;
        if (ctx && !ctx.__counted) {
          ctx.__counted = true;
          const render = ctx.render.bind(ctx);
          let last = null;
          ctx.render = () => {
            bench.drawnFrames++;
            const drawn = { frame: stage.frameCounter, t: performance.now() };
            if (bench.measureKeys && last && drawn.frame === last.frame + 1) bench.framePeriods.push(drawn.t - last.t);
            last = drawn;
            return render();
          };
        }
      });
      this.on('frameEnd', () => {
        if (!pending.length) return;
        const now = performance.now();
        const current = focused();
        pending = pending.filter((press) => {
          if (current !== press.before) {
            bench.latency.samples.push(now - press.t0);
            bench.latency.parts.push({ queued: press.handled - press.t0, toFrame: frameStart - press.handled, frame: now - frameStart });
          } else if (now - press.t0 > 1000) bench.latency.misses++;
          else return true;
          return false;
        });
      });
    },
  });
  window.addEventListener('keydown', (event) => {
    if (bench.measureKeys && bench.stage) {
      bench.latency.presses++;
      pending.push({ t0: event.timeStamp, handled: performance.now(), before: focused() });
    }
    if (bench.armVideo && event.key === 'Enter') {
      const record = { t0: event.timeStamp, t1: null };
      bench.video = record;
      const watch = (video) => video.requestVideoFrameCallback((now, meta) => {
        if (record.t1 === null) record.t1 = meta.presentationTime;
      });
      document.querySelectorAll('video').forEach(watch);
      new MutationObserver((mutations, observer) => {
        if (record.t1 !== null) return observer.disconnect();
        for (const m of mutations) m.addedNodes.forEach((n) => { if (n.nodeName === 'VIDEO') watch(n); });
      }).observe(document.documentElement, { childList: true, subtree: true });
    }
  }, true);
})();`

/** Seek step for a held Left/Right: 10 s, then faster the longer the key is held (every 3 repeats). */
export function seekStepSeconds(repeats: number): number {
  const steps = [10, 10, 20, 30, 60]
  return steps[Math.min(steps.length - 1, Math.floor(repeats / 3))] ?? 10
}

/** Where a number key goes in a play: 1 a tenth of the way in, 5 half way, 9 nine tenths, 0 the start. */
export function digitSeekSeconds(digit: number, durationSeconds: number): number {
  return (durationSeconds * digit) / 10
}

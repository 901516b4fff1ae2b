/** Badge tones: what kind of access the label speaks of, recognisable at a glance; neutral for anything else (an episode). */
export type BadgeTone = 'free' | 'vip' | 'paid' | 'held' | 'neutral'

export const badgeColors: Record<BadgeTone, { background: number; text: number }> = {
  free: { background: 0xff1f9d55, text: 0xffffffff },
  vip: { background: 0xffffb400, text: 0xff0b0b12 },
  paid: { background: 0xffe5484d, text: 0xffffffff },
  held: { background: 0xff3b82f6, text: 0xffffffff },
  neutral: { background: 0xd90b0b12, text: 0xffffffff },
}

export const badgeStyle = {
  height: 40,
  paddingX: 14,
  fontSize: 24,
  radius: 8,
} as const

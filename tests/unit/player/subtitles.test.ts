import { CurrentPlayTextDisplayer, LightningTextDisplayer, cueText, type CueLike } from '../../../src/player/subtitles'

const cue = (startTime: number, endTime: number, payload: string, nestedCues: CueLike[] = []): CueLike => ({ startTime, endTime, payload, lineBreak: false, nestedCues })
const lineBreak: CueLike = { startTime: 0, endTime: 0, payload: '', lineBreak: true, nestedCues: [] }

test('nested cues and line breaks become the lines of one subtitle', () => {
  expect(cueText(cue(0, 3, '', [cue(0, 3, 'Subtitle cue 1'), lineBreak, cue(0, 3, 'This is the English test track')]))).toBe(
    'Subtitle cue 1\nThis is the English test track',
  )
})

test('the text at a time is the cues covering it, only while visible; removed ranges disappear', () => {
  const displayer = new LightningTextDisplayer()
  displayer.append([cue(0, 3.5, 'one'), cue(4, 7.5, 'two'), cue(4, 7.5, 'two')])
  expect(displayer.textAt(1)).toBe('')
  displayer.setTextVisibility(true)
  expect(displayer.isTextVisible()).toBe(true)
  expect(displayer.textAt(1)).toBe('one')
  expect(displayer.textAt(3.7)).toBe('')
  expect(displayer.textAt(5)).toBe('two')
  displayer.remove(0, 4)
  expect(displayer.textAt(1)).toBe('')
  expect(displayer.textAt(5)).toBe('two')
})

test("Shaka's one text displayer hands cues and visibility to the current play's, and to nobody between plays", async () => {
  const shown = new CurrentPlayTextDisplayer()
  shown.append([cue(0, 3, 'before any play')])
  shown.setTextVisibility(true)
  expect(shown.isTextVisible()).toBe(false)
  const play = new LightningTextDisplayer()
  shown.current = play
  shown.append([cue(0, 3, 'one')])
  shown.setTextVisibility(true)
  expect(play.textAt(1)).toBe('one')
  shown.remove(0, 4)
  expect(play.textAt(1)).toBe('')
  shown.append([cue(0, 3, 'two')])
  await shown.destroy()
  expect(play.textAt(1)).toBe('')
  const next = new LightningTextDisplayer()
  shown.current = next
  expect(shown.isTextVisible()).toBe(false)
})

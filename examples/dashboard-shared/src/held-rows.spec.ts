import { describe, expect, it } from 'vitest'
import { keepLeavingRows, type RowSlot } from './held-rows'

const rows = (...ids: string[]): RowSlot[] => ids.map((id) => ({ id, gone: id.endsWith('!') }))
const ids = (slots: readonly RowSlot[]) => slots.map((slot) => (slot.gone ? `${slot.id}!` : slot.id))

describe('keepLeavingRows', () => {
  it('keeps a row that left in its place while held, after the row it followed', () => {
    expect(ids(keepLeavingRows(rows('a', 'b', 'c'), ['a', 'c'], true))).toEqual(['a', 'b!', 'c'])
    expect(ids(keepLeavingRows(rows('a', 'b', 'c'), ['b', 'c'], true))).toEqual(['a!', 'b', 'c'])
  })

  it('is stable over renders and lets new rows arrive above', () => {
    const held = keepLeavingRows(rows('a', 'b', 'c'), ['a', 'c'], true)
    expect(keepLeavingRows(held, ['a', 'c'], true)).toEqual(held)
    expect(ids(keepLeavingRows(held, ['new', 'a', 'c'], true))).toEqual(['new', 'a', 'b!', 'c'])
  })

  it('closes the slots once released, and gives a row that came back (a refused delete) its place', () => {
    const held = keepLeavingRows(rows('a', 'b', 'c'), ['a', 'c'], true)
    expect(ids(keepLeavingRows(held, ['a', 'c'], false))).toEqual(['a', 'c'])
    expect(ids(keepLeavingRows(held, ['a', 'b', 'c'], true))).toEqual(['a', 'b', 'c'])
  })
})

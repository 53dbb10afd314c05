import { describe, expect, it } from 'vitest'
import { Listeners } from './listeners'

describe('Listeners', () => {
  it.each([1, 3])('with %i listener(s), one added during an event hears only the next', (count) => {
    const listeners = new Listeners<number>()
    const heard: string[] = []
    for (let n = 0; n < count; n++)
      listeners.add((value) => {
        heard.push(`${n}:${value}`)
        if (value === 1 && n === 0) listeners.add((later) => heard.push(`late:${later}`))
      })
    listeners.emit(1)
    listeners.emit(2)
    expect(heard.filter((entry) => entry.startsWith('late'))).toEqual(['late:2'])
    expect(heard.filter((entry) => entry.startsWith('0:'))).toEqual(['0:1', '0:2'])
  })

  it('a listener that removes itself during an event hears no more', () => {
    const listeners = new Listeners<number>()
    const heard: number[] = []
    const remove = listeners.add((value) => {
      heard.push(value)
      remove()
    })
    listeners.emit(1)
    listeners.emit(2)
    expect(heard).toEqual([1])
    expect(listeners.size).toBe(0)
  })
})

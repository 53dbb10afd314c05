import { describe, expect, it } from 'vitest'
import { RowLinks } from './row-links'

describe('RowLinks', () => {
  it('joins the rows on either side of a removed row, and takes a later page at its word', () => {
    const links = new RowLinks()
    links.link('a', 'b')
    links.link('b', 'c')
    links.remove('b')
    expect([links.next('a'), links.previous('c')]).toEqual(['c', 'a'])
    // A later page shows x between a and c: a's old link to c goes.
    links.link('a', 'x')
    expect([links.next('a'), links.previous('c'), links.previous('x')]).toEqual(['x', undefined, 'a'])
    links.remove('x')
    expect(links.next('a')).toBeUndefined()
  })

  it('walks the links one way while they are accepted, and stops at a loop', () => {
    const links = new RowLinks()
    links.link('a', 'b')
    links.link('b', 'c')
    links.link('c', 'd')
    expect(links.walk('a', 'next', (id) => id !== 'd')).toEqual(['b', 'c'])
    expect(links.walk('d', 'previous', () => true)).toEqual(['c', 'b', 'a'])
    links.link('d', 'a')
    expect(links.walk('a', 'next', () => true)).toEqual(['b', 'c', 'd'])
  })
})

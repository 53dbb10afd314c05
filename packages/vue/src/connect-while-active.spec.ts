import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, effectScope, h, nextTick, onMounted, ref } from 'vue'
import { connectWhileActive } from './connect-while-active'

function spyConnection() {
  const log: string[] = []
  const connect = vi.fn((key: string) => {
    log.push(`connect ${key}`)
    return () => log.push(`disconnect ${key}`)
  })
  return { log, connect }
}

describe('connectWhileActive', () => {
  it('connects at once in a bare scope, reconnects on change and disconnects on stop', async () => {
    const { log, connect } = spyConnection()
    const key = ref('a')
    const scope = effectScope()
    scope.run(() => connectWhileActive(key, connect))
    key.value = 'b'
    await nextTick()
    scope.stop()
    key.value = 'c'
    await nextTick()
    expect(log).toEqual(['connect a', 'disconnect a', 'connect b', 'disconnect b'])
  })

  it('connects a component on mount, not during setup', () => {
    const { log, connect } = spyConnection()
    const Comp = defineComponent({
      setup() {
        connectWhileActive(() => 'a', connect)
        log.push('setup done')
        onMounted(() => log.push('mounted'))
        return () => h('p')
      },
    })
    mount(Comp).unmount()
    expect(log).toEqual(['setup done', 'connect a', 'mounted', 'disconnect a'])
  })

  it('never connects a scope stopped before its component mounted, and says nothing about it', () => {
    const warn = vi.spyOn(console, 'warn')
    const { connect } = spyConnection()
    const Comp = defineComponent({
      setup() {
        effectScope().run(() => connectWhileActive(() => 'a', connect))
        const inner = effectScope()
        inner.run(() => connectWhileActive(() => 'b', connect))
        inner.stop()
        return () => h('p')
      },
    })
    mount(Comp)
    expect(connect.mock.calls.map(([key]) => key)).toEqual(['a'])
    expect(warn).not.toHaveBeenCalled()
  })

  it('stops following the key with its own scope, even when that scope ends before its component', async () => {
    const { log, connect } = spyConnection()
    const key = ref('a')
    const inner = effectScope()
    const Comp = defineComponent({
      setup() {
        inner.run(() => connectWhileActive(key, connect))
        return () => h('p')
      },
    })
    mount(Comp)
    inner.stop()
    key.value = 'b'
    await nextTick()
    expect(log).toEqual(['connect a', 'disconnect a'])
  })

  it('keeps the connection when the key is the same by `same`', async () => {
    const { log, connect } = spyConnection()
    const key = ref({ id: 'a' })
    const scope = effectScope()
    scope.run(() =>
      connectWhileActive(
        () => key.value,
        (value) => connect(value.id),
        (x, y) => x.id === y.id,
      ),
    )
    key.value = { id: 'a' }
    await nextTick()
    expect(log).toEqual(['connect a'])
    scope.stop()
  })

  it('refuses to run outside any scope, where nothing could release it', () => {
    expect(() =>
      connectWhileActive(
        () => 'a',
        () => () => undefined,
      ),
    ).toThrow(/effectScope/)
  })
})

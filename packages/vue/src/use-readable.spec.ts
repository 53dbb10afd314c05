import type { Readable } from '@vidjob/core/bindings'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, effectScope, h, nextTick, onMounted, ref } from 'vue'
import { useReadable } from './use-readable'

/** Readables that log when they are subscribed to ("connect") and released ("disconnect"). */
function spyConnection() {
  const log: string[] = []
  const connect = vi.fn((key: string): Readable<string> => ({
    getState: () => `state ${key}`,
    getServerState: () => `server ${key}`,
    subscribe: () => {
      log.push(`connect ${key}`)
      return () => log.push(`disconnect ${key}`)
    },
  }))
  const connected = (): string[] => connect.mock.calls.map(([key]) => key)
  return { log, connect, connected }
}

describe('useReadable', () => {
  it('connects at once in a bare scope, reconnects on change and disconnects on stop', async () => {
    const { log, connect } = spyConnection()
    const key = ref('a')
    const scope = effectScope()
    scope.run(() => useReadable(() => key.value, connect))
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
        useReadable(() => 'a', connect)
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
    const { log, connect } = spyConnection()
    const Comp = defineComponent({
      setup() {
        effectScope().run(() => useReadable(() => 'a', connect))
        const inner = effectScope()
        inner.run(() => useReadable(() => 'b', connect))
        inner.stop()
        return () => h('p')
      },
    })
    mount(Comp)
    expect(log).toEqual(['connect a'])
    expect(warn).not.toHaveBeenCalled()
  })

  it('stops following the key with its own scope, even when that scope ends before its component', async () => {
    const { log, connect } = spyConnection()
    const key = ref('a')
    const inner = effectScope()
    const Comp = defineComponent({
      setup() {
        inner.run(() => useReadable(() => key.value, connect))
        return () => h('p')
      },
    })
    mount(Comp)
    inner.stop()
    key.value = 'b'
    await nextTick()
    expect(log).toEqual(['connect a', 'disconnect a'])
  })

  it('keeps the connection while the key stays the same, whatever object it is read from', async () => {
    const { log, connect } = spyConnection()
    const selected = ref({ id: 'a' })
    const scope = effectScope()
    scope.run(() => useReadable(() => selected.value.id, connect))
    selected.value = { id: 'a' }
    await nextTick()
    expect(log).toEqual(['connect a'])
    scope.stop()
  })

  it('holds the server state until connected, the state while connected, the server state after', () => {
    const { connect, connected } = spyConnection()
    const scope = effectScope()
    const readable = scope.run(() => useReadable(() => 'a', connect))
    expect(readable?.state.value).toBe('state a')
    scope.stop()
    expect(readable?.state.value).toBe('server a')
    expect(connected()).toContain('a')
  })

  it('refuses to run outside any scope, where nothing could release it', () => {
    const { connect } = spyConnection()
    expect(() => useReadable(() => 'a', connect)).toThrow(/effectScope/)
  })
})

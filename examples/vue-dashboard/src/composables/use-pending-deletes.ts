import { useVideoClient } from '@vidjob/vue'
import {
  computed,
  inject,
  onScopeDispose,
  provide,
  shallowRef,
  toValue,
  type ComputedRef,
  type InjectionKey,
  type MaybeRefOrGetter,
} from 'vue'
import {
  createPendingDeletes,
  moveFocusOutOfRow,
  type DeleteStatus,
  type PendingDeletes,
} from '@vidjob/dashboard-shared'

const KEY: InjectionKey<PendingDeletes> = Symbol('vidjob pending deletes')

/**
 * Creates the app's deletes with Undo (sent through the client after the undo window) and provides them
 * to every component below. A delete still waiting when the page goes away is sent then.
 *
 * @example providePendingDeletes() // in app.vue's setup
 */
export function providePendingDeletes(): PendingDeletes {
  const client = useVideoClient()
  const deletes = createPendingDeletes((id) => {
    moveFocusOutOfRow(id)
    return client.delete(id)
  })
  provide(KEY, deletes)
  const flush = () => deletes.flush()
  window.addEventListener('pagehide', flush)
  onScopeDispose(() => window.removeEventListener('pagehide', flush))
  return deletes
}

/**
 * The delete status of one video (pending with Undo, sending, failed with its error), live.
 *
 * @example
 * const { status, deletes } = useDeleteStatus(() => props.video.id)
 * deletes.request(props.video.id)
 */
export function useDeleteStatus(id: MaybeRefOrGetter<string>): {
  status: ComputedRef<DeleteStatus | undefined>
  deletes: PendingDeletes
} {
  const deletes = inject(KEY)
  if (!deletes) throw new Error('useDeleteStatus needs providePendingDeletes() in an ancestor.')
  const version = shallowRef(0)
  onScopeDispose(deletes.subscribe(() => version.value++))
  const status = computed(() => {
    void version.value // re-read on every change of the deletes
    return deletes.status(toValue(id))
  })
  return { status, deletes }
}

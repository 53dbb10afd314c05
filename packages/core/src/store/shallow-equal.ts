/**
 * Whether two snapshots of the same shape hold the same values, key by key (`Object.is`), apart from an
 * `ignored` key: the change test behind the identity-stable states, whose `===` tells subscribers
 * whether anything changed.
 */
export function shallowEqual<T extends object>(a: T, b: T, ignored?: keyof T): boolean {
  return (Object.keys(b) as (keyof T)[]).every((key) => key === ignored || Object.is(a[key], b[key]))
}

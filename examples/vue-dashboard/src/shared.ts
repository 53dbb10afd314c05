/**
 * The framework-agnostic parts both dashboards share: plain messages, deletes with Undo, rows that hold
 * their place, download file names and focus moves. They live once, in the React dashboard's
 * `src/shared/` (plain TypeScript, no React), so the two apps say and do exactly the same; an app started
 * from this one copies that folder along.
 */
export * from '../../react-dashboard/src/shared/messages'
export * from '../../react-dashboard/src/shared/pending-deletes'
export * from '../../react-dashboard/src/shared/held-rows'
export * from '../../react-dashboard/src/shared/download-name'
export * from '../../react-dashboard/src/shared/focus'

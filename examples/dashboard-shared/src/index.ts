/**
 * The framework-agnostic parts both dashboards share, so the React and the Vue app say and do exactly the
 * same: plain messages, deletes with Undo, rows that hold their place, download file names and focus moves.
 */
export * from './messages'
export * from './pending-deletes'
export * from './held-rows'
export * from './download-name'
export * from './focus'

import { Component, type ReactNode } from 'react'

interface Props {
  children?: ReactNode
  fallback: (error: unknown) => ReactNode
}

/**
 * Shows `fallback(error)` instead of a subtree that threw while rendering (e.g. `useSuspenseVideoJob` for
 * an unknown id). Give it a `key` that changes with what it shows, so a new id starts clean.
 *
 * @example
 * <ErrorBoundary key={id} fallback={(error) => <p role="alert">{String(error)}</p>}><Detail id={id} /></ErrorBoundary>
 */
export class ErrorBoundary extends Component<Props, { error: unknown; failed: boolean }> {
  override state = { error: undefined as unknown, failed: false }

  static getDerivedStateFromError(error: unknown): { error: unknown; failed: boolean } {
    return { error, failed: true }
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children
  }
}

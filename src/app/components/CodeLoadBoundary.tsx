import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** A new key (another view) tries its children again. */
  resetKey?: string;
  testId?: string;
}

interface State {
  error: Error | null;
  key: string | undefined;
}

/**
 * A part of the page whose code is loaded when first shown (a view, the export dialog): if its
 * code cannot load (the site updated since the page was opened, the network gone) or it fails as
 * it renders, it says so in both languages, as main.tsx and Chart.tsx do, instead of React
 * unmounting the whole page.
 */
export class CodeLoadBoundary extends Component<Props, State> {
  state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <CodeLoadFailed error={error} testId={this.props.testId} />;
  }
}

/** The boundary's message, also said by a button whose code is loaded when pressed (the SVG export). */
export function CodeLoadFailed({ error, testId }: { error: Error; testId?: string }) {
  return (
    <p className="error" role="alert" data-testid={testId}>
      此部分未能显示，请刷新页面。 This part of the page could not be shown; reload the page. ({error.message})
    </p>
  );
}

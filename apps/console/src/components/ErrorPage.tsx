import { Result } from 'antd';
import { Component, type ReactNode } from 'react';

/**
 * A screen that fails to render shows what failed instead of a blank page; the rest of the
 * console (header, language, sign-out) stays usable.
 */
export class ErrorPage extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return <Result status="error" title="Error" subTitle={this.state.error.message} />;
  }
}

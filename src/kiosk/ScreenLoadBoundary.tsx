import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Around a lazily loaded screen: when its code cannot be fetched (offline
 * before the service worker holds it) or it fails to draw, the visitor gets
 * a sentence and a button to try again instead of a broken kiosk. The rest
 * of the kiosk (header, help button, start over) keeps working meanwhile.
 */
export class ScreenLoadBoundary extends Component<
  { children: ReactNode; onRetry: () => void },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.warn('A kiosk screen could not be loaded or shown.', error, info.componentStack);
  }

  private readonly retry = () => {
    this.props.onRetry();
    this.setState({ failed: false });
  };

  override render(): ReactNode {
    return this.state.failed ? <ScreenLoadProblem onRetry={this.retry} /> : this.props.children;
  }
}

function ScreenLoadProblem({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation('kiosk');
  return (
    <section className="notice screen-load-problem" role="alert">
      {/* One child: the notice's flex row would squeeze the button beside the text at 360 px. */}
      <div>
        <p>{t('app.screenLoadFailed')}</p>
        <button type="button" className="button button-primary" onClick={onRetry}>
          {t('app.tryAgain')}
        </button>
      </div>
    </section>
  );
}

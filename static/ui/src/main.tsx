import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './common/dialog.css';
import './common/frame-height.css';
import { followVisibleBand } from './common/visible-band';

async function enableTheming(): Promise<void> {
  try {
    await view.theme.enable();
  } catch {
    // Theming is cosmetic: without it the app still renders with the tokens' fallback values.
  }
}

void enableTheming();
followVisibleBand();

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

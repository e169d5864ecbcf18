import { configure } from '@testing-library/react';

// The jsdom tests type and click through user-event: about 1 s for the longest alone, but over
// 5 s (jest's default) was measured when both cores were shared with the second jest worker, a
// Chromium and other processes. A slow machine should make them slow, not failed.
jest.setTimeout(15_000);

// The same for what a test waits to appear (findBy…, waitFor): Testing Library gives up after
// 1 s by default, and a loaded CI machine took longer to render the project page's first view
// (app.test.tsx, threat-table-pages.test.tsx failed so once). A failing wait still fails.
configure({ asyncUtilTimeout: 5_000 });

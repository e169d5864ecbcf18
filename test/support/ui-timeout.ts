// The jsdom tests type and click through user-event: about 1 s for the longest alone, but over
// 5 s (jest's default) was measured when both cores were shared with the second jest worker, a
// Chromium and other processes. A slow machine should make them slow, not failed.
jest.setTimeout(15_000);

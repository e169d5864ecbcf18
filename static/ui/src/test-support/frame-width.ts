import { act } from '@testing-library/react';

/** Gives the app's frame (jsdom's window, which lays nothing out) this inner width, as a resize would. */
export function atFrameWidth(width: number): void {
  act(() => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, writable: true, value: width });
    window.dispatchEvent(new Event('resize'));
  });
}

/** Wide enough for every column of every table: the width the tests of a table's content assume. */
export const WIDE = 1600;

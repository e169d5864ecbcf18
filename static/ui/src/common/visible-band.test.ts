import { bandOf } from './visible-band';

const rect = (top: number, height: number) => ({ top, height }) as DOMRectReadOnly;
const entry = (visibleTop: number, visibleHeight: number, isIntersecting = true) => ({
  intersectionRect: rect(visibleTop, visibleHeight),
  boundingClientRect: rect(0, 2400),
  isIntersecting,
});

describe('the band of a tall frame that is on screen', () => {
  it('is the part the observer saw, in the frame’s coordinates', () => {
    expect(bandOf(entry(1500, 900), 2400)).toEqual({ top: 1500, height: 900 });
  });

  it('is the whole frame when the frame is not on screen or nothing of it shows', () => {
    expect(bandOf(entry(0, 0, false), 2400)).toEqual({ top: 0, height: 2400 });
    expect(bandOf(entry(700, 0), 2400)).toEqual({ top: 0, height: 2400 });
  });

  it('never reaches outside the frame', () => {
    expect(bandOf(entry(-20, 3000), 2400)).toEqual({ top: 0, height: 2400 });
  });
});

// Jira sizes the app's frame to its content, so the frame can be far taller than the screen and
// `position: fixed` inside it means "the top of the frame", not "the top of what the person
// sees". A dialog opened from a row far down the threat table would open out of sight. Before
// each click or key press, this measures which band of the frame is on screen (an
// IntersectionObserver sees the top-level viewport, even from a cross-origin frame) and keeps it
// in two CSS variables that dialog.css uses to place every atlaskit modal inside that band.

const TOP = '--without-visible-top';
const HEIGHT = '--without-visible-height';

export interface Band {
  top: number;
  height: number;
}

/** The band of the frame on screen, from an observation of the whole document. */
export function bandOf(
  entry: Pick<IntersectionObserverEntry, 'intersectionRect' | 'boundingClientRect' | 'isIntersecting'>,
  frameHeight: number,
): Band {
  if (!entry.isIntersecting || entry.intersectionRect.height <= 0) return { top: 0, height: frameHeight };
  return { top: Math.max(0, entry.intersectionRect.top), height: Math.min(frameHeight, entry.intersectionRect.height) };
}

function apply(band: Band): void {
  const style = document.documentElement.style;
  style.setProperty(TOP, `${Math.round(band.top)}px`);
  style.setProperty(HEIGHT, `${Math.round(band.height)}px`);
}

function measureOnce(): void {
  const observer = new IntersectionObserver((entries) => {
    observer.disconnect();
    const entry = entries[entries.length - 1];
    if (entry) apply(bandOf(entry, window.innerHeight));
  });
  observer.observe(document.documentElement);
}

/** Keeps the visible band measured from now on; a no-op where IntersectionObserver is missing. */
export function followVisibleBand(): void {
  if (typeof IntersectionObserver === 'undefined') return;
  measureOnce();
  for (const event of ['pointerdown', 'keydown'] as const)
    window.addEventListener(event, measureOnce, { capture: true, passive: true });
}

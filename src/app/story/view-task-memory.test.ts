import { lastViewTasks, rememberViewTasks, viewTaskMemorySize } from './view-task-memory';

// Only a guess of up to 99 tasks is ever used (one bulkfetch beside the issue), so an issue that
// showed more keeps nothing: its thousands of ids would only fill the instance's memory.

describe('the tasks a story view showed last', () => {
  it('keeps up to 99 ids, and none (forgetting the older guess) when the view showed more', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `${10_000 + i}`);
    rememberViewTasks('site-a', '10042', ids(99));
    expect(lastViewTasks('site-a', '10042')).toHaveLength(99);
    const before = viewTaskMemorySize();
    rememberViewTasks('site-a', '10042', ids(5_000));
    expect(lastViewTasks('site-a', '10042')).toEqual([]);
    expect(viewTaskMemorySize()).toEqual({ issues: before.issues - 1, ids: before.ids - 99 });
  });
});

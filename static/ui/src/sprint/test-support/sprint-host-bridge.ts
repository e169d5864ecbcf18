import { fakeBridge } from '../../test-support/fake-bridge';

// The shared fake bridge answers context, invoke and navigate; the sprint views also show flags
// and close their modal. @forge/bridge captures `__bridge.callBridge` when first imported, so a
// test imports this module (after the fake bridge) before any component.
type CallBridge = (name: string, payload?: unknown) => Promise<unknown>;

const HOST_CALLS = new Set(['showFlag', 'close']);

const state = { calls: [] as Array<{ name: string; payload: unknown }> };

const bridge = (globalThis as { __bridge?: { callBridge: CallBridge } }).__bridge;
if (!bridge) throw new Error('sprint host bridge: import the fake bridge first');
const answerFromFake = bridge.callBridge;

bridge.callBridge = (name, payload) => {
  if (!HOST_CALLS.has(name)) return answerFromFake(name, payload);
  state.calls.push({ name, payload });
  // view.close() reads `false` as "this view cannot close".
  return Promise.resolve(name === 'close' ? true : null);
};

export const sprintHost = {
  callsOf(name: 'showFlag' | 'close'): unknown[] {
    return state.calls.filter((call) => call.name === name).map((call) => call.payload);
  },
  reset(): void {
    state.calls = [];
    fakeBridge.reset();
  },
};

export { fakeBridge };

import { fakeBridge } from '../../test-support/fake-bridge';

// The shared fake bridge answers context and invoke; the project page also navigates and shows
// flags. @forge/bridge captures `__bridge.callBridge` when first imported, so a test imports this
// module before any component, and this wraps the fake's function before anyone captures it.
type CallBridge = (name: string, payload?: unknown) => Promise<unknown>;

interface HostCall {
  name: string;
  payload: unknown;
}

const HOST_CALLS = new Set(['navigate', 'showFlag', 'closeFlag']);

const state = { calls: [] as HostCall[], failFlags: false };

const bridge = (globalThis as { __bridge?: { callBridge: CallBridge } }).__bridge;
if (!bridge) throw new Error('host bridge: import the fake bridge first');
const answerFromFake = bridge.callBridge;

bridge.callBridge = (name, payload) => {
  if (!HOST_CALLS.has(name)) return answerFromFake(name, payload);
  state.calls.push({ name, payload });
  // Thrown, not rejected: showFlag hands back no promise a caller could catch a rejection on.
  if (name === 'showFlag' && state.failFlags) throw new Error('host bridge: flags are failing');
  return Promise.resolve(null);
};

export const hostBridge = {
  callsOf(name: 'navigate' | 'showFlag'): unknown[] {
    return state.calls.filter((call) => call.name === name).map((call) => call.payload);
  },
  /** Makes showFlag fail, as a host without flags would. */
  failFlags(): void {
    state.failFlags = true;
  },
  reset(): void {
    state.calls = [];
    state.failFlags = false;
    fakeBridge.reset();
  },
};

export { fakeBridge };

import { fakeBridge } from '../../../test-support/fake-bridge';

// The shared fake bridge answers getContext and invoke; a custom field's editor also calls
// submit and close. @forge/bridge keeps the `callBridge` it finds when first imported, so a
// test imports this module before any component, as it would the shared fake.
type CallBridge = (name: string, call?: unknown) => Promise<unknown>;

const host = (globalThis as { __bridge?: { callBridge: CallBridge } }).__bridge;
if (!host) throw new Error('fake field bridge: import it after test-support/fake-bridge');
const shared = host.callBridge;

const state = {
  submitted: [] as unknown[],
  closes: 0,
  submitAnswer: true as boolean,
  pending: undefined as Promise<boolean> | undefined,
};

host.callBridge = async (name, call) => {
  switch (name) {
    case 'submit':
      state.submitted.push(call);
      return state.pending ?? state.submitAnswer;
    case 'close':
      state.closes += 1;
      return true;
    default:
      return shared(name, call);
  }
};

export const fakeFieldBridge = {
  /** Jira renders the custom field, with this extension context. */
  givenField(extension: Record<string, unknown>): void {
    fakeBridge.givenContext({ moduleKey: 'without-clauses', extension });
  },
  /** Jira answers submit with false: the view is not one that can submit. */
  givenSubmitRefused(): void {
    state.submitAnswer = false;
  },
  /** Jira answers submit again. */
  givenSubmitAccepted(): void {
    state.submitAnswer = true;
  },
  /** Jira answers the next submits only when the test resolves the answer. */
  givenSubmitPending(): { resolve: (answer: boolean) => void } {
    let resolve: (answer: boolean) => void = () => undefined;
    state.pending = new Promise<boolean>((done) => {
      resolve = (answer) => {
        state.pending = undefined;
        done(answer);
      };
    });
    return { resolve };
  },
  /** The values the editor submitted, oldest first. */
  submitted(): unknown[] {
    return [...state.submitted];
  },
  closes(): number {
    return state.closes;
  },
  reset(): void {
    fakeBridge.reset();
    state.submitted = [];
    state.closes = 0;
    state.submitAnswer = true;
    state.pending = undefined;
  },
};

import type { Envelope } from '../../../../src/domain/common/envelope';
import type { AnswerOf, PayloadOf, ResolverKey } from '../../../../src/domain/resolver-contract';

// Stands in for the `__bridge` a Forge host provides. @forge/bridge reads `__bridge.callBridge`
// when it is first imported, so a test imports this module before any component.
type ResolverAnswer = (payload: unknown) => unknown;

interface Invocation {
  functionKey: string;
  payload: unknown;
}

interface BridgeCall {
  functionKey?: unknown;
  payload?: unknown;
}

const state = {
  context: {} as Record<string, unknown>,
  resolvers: new Map<string, ResolverAnswer>(),
  invocations: [] as Invocation[],
  navigations: [] as unknown[],
};

async function callBridge(name: string, call?: BridgeCall): Promise<unknown> {
  switch (name) {
    case 'getContext':
      return state.context;
    case 'enableTheming':
      return undefined;
    case 'navigate':
      state.navigations.push(call);
      return undefined;
    case 'invoke': {
      const functionKey = String(call?.functionKey);
      state.invocations.push({ functionKey, payload: call?.payload });
      const answer = state.resolvers.get(functionKey);
      if (!answer) throw new Error(`fake bridge: no resolver for ${functionKey}`);
      return answer(call?.payload);
    }
    default:
      throw new Error(`fake bridge: ${name} is not faked`);
  }
}

(globalThis as { __bridge?: unknown }).__bridge = { callBridge };

export const fakeBridge = {
  givenContext(context: Record<string, unknown>): void {
    state.context = context;
  },
  givenResolver(functionKey: string, answer: ResolverAnswer): void {
    state.resolvers.set(functionKey, answer);
  },
  /** Answers the resolver `key` as the contract types it. */
  answer<K extends ResolverKey>(
    key: K,
    answer: (payload: PayloadOf<K>) => Envelope<AnswerOf<K>> | Promise<Envelope<AnswerOf<K>>>,
  ): void {
    state.resolvers.set(key, (payload) => answer(payload as PayloadOf<K>));
  },
  /** The payloads the UI sent to the resolver `key`, oldest first. */
  payloadsOf<K extends ResolverKey>(key: K): Array<PayloadOf<K>> {
    return fakeBridge.invocationsOf(key).map((invocation) => invocation.payload as PayloadOf<K>);
  },
  /** What `router.navigate` and `router.open` were asked, e.g. `{ url: '/browse/SHOP-7', type: 'new-tab' }`. */
  navigations(): unknown[] {
    return [...state.navigations];
  },
  invocationsOf(functionKey: string): Invocation[] {
    return state.invocations.filter((invocation) => invocation.functionKey === functionKey);
  },
  reset(): void {
    state.context = {};
    state.resolvers.clear();
    state.invocations = [];
    state.navigations = [];
  },
};

/** A promise the test settles by hand, to observe a view while its resolver is still running. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

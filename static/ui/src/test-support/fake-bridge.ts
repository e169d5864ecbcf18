import type { z } from 'zod';
import { fail, type Envelope } from '../../../../src/domain/common/envelope';
import {
  RESOLVER_CONTRACT,
  type AnswerOf,
  type ParsedPayloadOf,
  type PayloadOf,
  type ResolverKey,
} from '../../../../src/contract';

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
  flags: [] as unknown[],
  refreshes: 0,
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
    case 'showFlag':
      state.flags.push(call);
      return undefined;
    case 'refresh':
      state.refreshes += 1;
      return true;
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
  /**
   * Answers the resolver `key` as the contract types it. The payload is parsed with the
   * contract's schema first, as the backend does: a payload the backend would refuse gets its
   * BAD_REQUEST here too, so a UI test cannot pass on a request production would reject.
   */
  answer<K extends ResolverKey>(
    key: K,
    answer: (payload: ParsedPayloadOf<K>) => Envelope<AnswerOf<K>> | Promise<Envelope<AnswerOf<K>>>,
  ): void {
    const schema: z.ZodType = RESOLVER_CONTRACT[key].payload;
    state.resolvers.set(key, (payload) => {
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) return fail('BAD_REQUEST', parsed.error.issues[0]?.message ?? 'The request was not valid.');
      return answer(parsed.data as ParsedPayloadOf<K>);
    });
  },
  /** The payloads the UI sent to the resolver `key`, oldest first. */
  payloadsOf<K extends ResolverKey>(key: K): Array<PayloadOf<K>> {
    return fakeBridge.invocationsOf(key).map((invocation) => invocation.payload as PayloadOf<K>);
  },
  /** What `router.navigate` and `router.open` were asked, e.g. `{ url: '/browse/SHOP-7', type: 'new-tab' }`. */
  navigations(): unknown[] {
    return [...state.navigations];
  },
  /** The flags shown (showFlag's options), in order. */
  flags(): unknown[] {
    return [...state.flags];
  },
  /** How often the UI asked the host to refresh its view (`view.refresh()`). */
  refreshes(): number {
    return state.refreshes;
  },
  invocationsOf(functionKey: string): Invocation[] {
    return state.invocations.filter((invocation) => invocation.functionKey === functionKey);
  },
  reset(): void {
    state.context = {};
    state.resolvers.clear();
    state.invocations = [];
    state.navigations = [];
    state.flags = [];
    state.refreshes = 0;
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

import { z } from 'zod';
import { AppError } from '../domain/app-error';
import { deleteProperty, getProperty, putProperty, type Entity } from './entity-properties';
import type { JiraClient } from './jira-client';

// Jira has no compare-and-set on entity properties, but a PUT tells whether it created the
// property (201) or replaced it (200). Creating a lock property is therefore atomic: of two
// writers, exactly one gets 201. Whoever holds it does its read-check-write, then deletes it.
// A holder that dies leaves a lock that expires; the next writer removes it.

export interface LockStore {
  read(): Promise<unknown>;
  /** true when this write created the property. */
  create(value: unknown): Promise<boolean>;
  remove(): Promise<void>;
}

/** A lock kept in an entity property (a project's, or a story's), written with `client`. */
export const propertyLock = (client: JiraClient, entity: Entity, key: string): LockStore => ({
  read: () => getProperty(client, entity, key),
  create: (value) => putProperty(client, entity, key, value),
  remove: () => deleteProperty(client, entity, key),
});

export interface LeaseOptions {
  holder: string;
  ttlMs?: number;
  maxWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const LockValue = z.object({ holder: z.string(), expiresAt: z.number() });

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withLease<T>(lock: LockStore, options: LeaseOptions, work: () => Promise<T>): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? pause;
  const ttl = options.ttlMs ?? 15_000;
  const deadline = now() + (options.maxWaitMs ?? 6_000);
  for (let attempt = 0; ; attempt++) {
    const raw = await lock.read();
    const held = LockValue.safeParse(raw);
    const stale = raw !== undefined && (!held.success || held.data.expiresAt < now());
    if (raw === undefined || stale) {
      if (stale) await lock.remove();
      if (await lock.create({ holder: options.holder, expiresAt: now() + ttl })) break;
    }
    if (now() >= deadline) throw new AppError('CONFLICT', 'Someone else is saving at the same moment. Wait a second and try again.');
    await sleep(Math.min(100 * 2 ** attempt, 800) + Math.floor(Math.random() * 50));
  }
  try {
    return await work();
  } finally {
    await lock.remove();
  }
}

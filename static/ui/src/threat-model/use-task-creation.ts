import { useCallback, useEffect, useRef, useState } from 'react';
import type { MitigationRow } from '../../../../src/contract';
import { taskCreatedFlag } from '../common/success-flag';
import type { ThreatModel } from './use-threat-model';

export interface TaskCreation {
  /** Mitigations whose task is being created. */
  running: ReadonlySet<string>;
  /** Why the last attempt for a mitigation failed, by mitigation id. */
  errors: Readonly<Record<string, string>>;
  create(mitigation: MitigationRow): void;
}

/** "Create task": one request per mitigation at a time, however often the button is pressed. */
export function useTaskCreation(createTask: ThreatModel['createTask']): TaskCreation {
  // The ref answers at once; the state, which disables the button, only after a render.
  const runningRef = useRef(new Set<string>());
  const [running, setRunning] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const create = useCallback(
    async (mitigation: MitigationRow) => {
      const { id } = mitigation;
      if (runningRef.current.has(id)) return;
      runningRef.current.add(id);
      setRunning(new Set(runningRef.current));
      setErrors(({ [id]: _previous, ...rest }) => rest);

      const envelope = await createTask(id);

      runningRef.current.delete(id);
      if (!mounted.current) return;
      setRunning(new Set(runningRef.current));
      if (envelope.ok) {
        taskCreatedFlag(envelope.data);
      } else {
        setErrors((current) => ({ ...current, [id]: envelope.error.message }));
      }
    },
    [createTask],
  );

  return { running, errors, create: (mitigation) => void create(mitigation) };
}

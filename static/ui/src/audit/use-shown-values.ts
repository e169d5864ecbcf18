import { useState } from 'react';
import type { Envelope } from '../../../../src/domain/common/envelope';

/**
 * The stored values a value fix shows before it offers its change: read when the person asks
 * (the button says "Reading…" meanwhile), kept until the fix closes; a failed read is told
 * through `onError` and shows nothing.
 */
export function useShownValues<T>(read: () => Promise<Envelope<T>>, onError: (message: string | undefined) => void) {
  const [values, setValues] = useState<T>();
  const [loading, setLoading] = useState(false);
  const load = async () => {
    setLoading(true);
    const answer = await read();
    setLoading(false);
    if (!answer.ok) return onError(answer.error.message);
    onError(undefined);
    setValues(answer.data);
  };
  return { values, loading, load, forget: () => setValues(undefined) };
}

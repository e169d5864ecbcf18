import { useEffect, useState } from 'react';
import { readFieldContext, type FieldContext } from './field-context';

export type FieldContextState = { loading: true } | { loading: false; context: FieldContext | undefined };

export function useFieldContext(): FieldContextState {
  const [state, setState] = useState<FieldContextState>({ loading: true });

  useEffect(() => {
    let current = true;
    void readFieldContext().then((context) => {
      if (current) setState({ loading: false, context });
    });
    return () => {
      current = false;
    };
  }, []);

  return state;
}

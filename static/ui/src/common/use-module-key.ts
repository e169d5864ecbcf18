import { useEffect, useState } from 'react';
import { readModuleKey } from '../api/read-module-key';

export type ModuleKeyState = { loading: true } | { loading: false; moduleKey: string | undefined };

export function useModuleKey(): ModuleKeyState {
  const [state, setState] = useState<ModuleKeyState>({ loading: true });

  useEffect(() => {
    let current = true;
    void readModuleKey().then((moduleKey) => {
      if (current) setState({ loading: false, moduleKey });
    });
    return () => {
      current = false;
    };
  }, []);

  return state;
}

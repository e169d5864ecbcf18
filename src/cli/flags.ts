import { UsageError } from './cli-io';

export interface ParsedFlags {
  values: Record<string, string | undefined>;
  switches: Set<string>;
  positional: string[];
}

/** `--name value`, `--name=value` and `--switch`; anything else named is a usage error. */
export function parseFlags(args: string[], spec: { values: string[]; switches: string[] }): ParsedFlags {
  const parsed: ParsedFlags = { values: {}, switches: new Set(), positional: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      parsed.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.switches.includes(name)) parsed.switches.add(name);
    else if (spec.values.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value.`);
      parsed.values[name] = value;
    } else throw new UsageError(`unknown option --${name}.`);
  }
  return parsed;
}

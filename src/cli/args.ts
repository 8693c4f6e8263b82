/** Minimal `--name value` / `--flag` parser for the fanzha command. */
export interface Parsed {
  positionals: string[];
  options: Record<string, string | true>;
}

export function parseArgs(argv: readonly string[]): Parsed {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        options[a.slice(2, eq)] = a.slice(eq + 1);
        continue;
      }
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        options[a.slice(2)] = next;
        i++;
      } else {
        options[a.slice(2)] = true;
      }
    } else {
      positionals.push(a);
    }
  }
  return { positionals, options };
}

export class UsageError extends Error {}

export function requireOption(p: Parsed, name: string): string {
  const v = p.options[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} <value> is required`);
  return v;
}

export function optionalOption(p: Parsed, name: string): string | undefined {
  const v = p.options[name];
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}

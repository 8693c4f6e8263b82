/** Command-line options of the risk benchmark's processes: `--name value` or `--name=value`, and bare flags. */
const argv = process.argv.slice(2);

export function option(name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

export function flag(name: string): boolean {
  return argv.includes(`--${name}`);
}

/** A positive number, or `fallback` when not given. */
export function positive(name: string, fallback: number): number {
  const v = Number(option(name) ?? fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

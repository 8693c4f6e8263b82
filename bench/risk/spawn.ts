/** Starts a benchmark child process and collects its `RESULT {json}` line (stderr passes through). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { HERE } from './data.ts';

export type Runner = 'tsx' | 'bundle' | 'bundle-tsxopts';

export interface ChildSpec {
  runner: Runner;
  /** the bundle to run for the bundle runners */
  bundles: Partial<Record<Runner, string>>;
  args: string[];
  nodeFlags?: string[];
}

export function childCommand(spec: ChildSpec): string[] {
  const entry = spec.runner === 'tsx' ? [path.join(HERE, 'tsx-launch.mjs'), path.join(HERE, 'child.ts')] : [spec.bundles[spec.runner] ?? ''];
  return ['--expose-gc', ...(spec.nodeFlags ?? []), ...entry, ...spec.args];
}

export function runChild<T>(spec: ChildSpec): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, childCommand(spec), { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(`child ${spec.runner} ${spec.args.join(' ')} exited with ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(line.slice(7)) as T);
    });
  });
}

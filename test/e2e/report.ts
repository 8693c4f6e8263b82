/** Collects named checks, each failing on its own error or on browser console errors seen while it ran. */
export class Report {
  private results: { name: string; ok: boolean; problems: string[]; ms: number }[] = [];
  private current: string[] | null = null;
  private diagnose: (() => Promise<string>) | null = null;

  /** Called when a check fails; what it answers is printed with the failure. */
  setDiagnostics(fn: () => Promise<string>): void {
    this.diagnose = fn;
  }

  /** Browser console errors/warnings and page errors land in the check that is running. */
  noteBrowserProblem(text: string): void {
    if (this.current) this.current.push(text);
    else this.results.push({ name: '(outside any check)', ok: false, problems: [text], ms: 0 });
  }

  async check(name: string, body: () => Promise<void>): Promise<boolean> {
    const problems: string[] = [];
    this.current = problems;
    const started = Date.now();
    try {
      await body();
    } catch (err) {
      problems.unshift(err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 6).join('\n') : String(err));
      const seen = await this.diagnose?.().catch((e: unknown) => `diagnostics failed: ${String(e)}`);
      if (seen) problems.push(`when it failed:\n${seen}`);
    } finally {
      this.current = null;
    }
    const ok = problems.length === 0;
    this.results.push({ name, ok, problems, ms: Date.now() - started });
    console.log(`${ok ? '✓' : '✗'} ${name} (${Date.now() - started} ms)`);
    for (const p of problems) console.log(`    ${p.replace(/\n/g, '\n    ')}`);
    return ok;
  }

  fail(name: string, problem: string): void {
    this.results.push({ name, ok: false, problems: [problem], ms: 0 });
    console.log(`✗ ${name}\n    ${problem.replace(/\n/g, '\n    ')}`);
  }

  get failed(): number {
    return this.results.filter((r) => !r.ok).length;
  }

  summary(): string {
    const passed = this.results.filter((r) => r.ok).length;
    // CI shows only the end of the log, so each failure repeats here what locates it: the error with the
    // step it waited on, and what the pages showed when it failed.
    const lines = this.results
      .filter((r) => !r.ok)
      .map((r) => {
        const [first = '', ...rest] = r.problems;
        const where = first.split('\n').filter((l) => !/^\s+at /.test(l)).slice(0, 4);
        const seen = rest.find((p) => p.startsWith('when it failed:'));
        return [`  ✗ ${r.name}: ${where[0] ?? ''}`, ...where.slice(1), ...(seen ? seen.split('\n') : [])].join('\n      ');
      });
    return [...(lines.length ? ['', 'Failures:', ...lines, ''] : ['']), `${passed} passed, ${this.failed} failed`].join('\n');
  }
}

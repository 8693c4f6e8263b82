import type { Deps } from '../server/context.ts';
import { deleteExpiredSessions } from '../modules/auth/auth.repo.ts';
import { remindStale } from '../modules/cases/followup.ts';
import { sweepPunishments } from '../modules/cards/punishments.service.ts';
import { sweepNotices } from '../modules/cards/notices.ts';
import { sweepFreezes } from '../modules/money/freezes.service.ts';
import { sweepStops } from '../modules/money/stop-payments.service.ts';
import { sweepControlEnds } from '../modules/persons/persons.sweep.ts';
import { sweepTasks } from '../modules/liaison/liaison.service.ts';
import { sweepDirectives } from '../modules/outreach/outreach.service.ts';
import { scheduleReports } from '../modules/stats/reports.ts';
import { sweepOverdue } from '../modules/warnings/warnings.sweep.ts';

export interface Job {
  name: string;
  everyMs: number;
  run(deps: Deps): Promise<Record<string, unknown>>;
}

/** Background jobs. Each keeps its state in rows, so a restart, or a second worker, loses nothing. */
export const JOBS: Job[] = [
  { name: 'warnings.sweep', everyMs: 30_000, run: async (deps) => ({ ...(await sweepOverdue(deps)) }) },
  { name: 'stop_payments.sweep', everyMs: 60_000, run: async (deps) => ({ ...(await sweepStops(deps)) }) },
  { name: 'freezes.sweep', everyMs: 600_000, run: async (deps) => ({ ...(await sweepFreezes(deps)) }) },
  { name: 'cases.followup', everyMs: 3_600_000, run: async (deps) => ({ ...(await remindStale(deps)) }) },
  { name: 'punishments.sweep', everyMs: 3_600_000, run: async (deps) => ({ ...(await sweepPunishments(deps)) }) },
  { name: 'notices.sweep', everyMs: 3_600_000, run: async (deps) => ({ ...(await sweepNotices(deps)) }) },
  { name: 'persons.control_sweep', everyMs: 3_600_000, run: async (deps) => ({ ...(await sweepControlEnds(deps)) }) },
  { name: 'outreach.sweep', everyMs: 3_600_000, run: async (deps) => ({ ...(await sweepDirectives(deps)) }) },
  { name: 'liaison.sweep', everyMs: 3_600_000, run: async (deps) => ({ ...(await sweepTasks(deps)) }) },
  { name: 'reports.schedule', everyMs: 3_600_000, run: async (deps) => ({ ...(await scheduleReports(deps)) }) },
  { name: 'sessions.cleanup', everyMs: 600_000, run: async (deps) => ({ removed: await deleteExpiredSessions(deps.db, deps.clock.now()) }) },
];

export interface Runner {
  stop(): Promise<void>;
}

/** Runs every job on its interval, one run of a job at a time; a failure is logged and retried next tick. */
export function startJobs(deps: Deps, log: (msg: string, extra?: Record<string, unknown>) => void, jobs: Job[] = JOBS): Runner {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  for (const job of jobs) {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const p = job
        .run(deps)
        .then((r) => {
          if (Object.values(r).some((v) => typeof v === 'number' && v > 0)) log(`job ${job.name}`, r);
        })
        .catch((err: unknown) => log(`job ${job.name} failed`, { error: String(err) }))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    tick();
    timers.push(setInterval(tick, job.everyMs));
  }
  return {
    stop: async () => {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...running]);
    },
  };
}

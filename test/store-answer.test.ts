import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { storeAnswer } from '../web/src/lib/store-answer.ts';

interface Warning {
  status: string;
  attempts: number;
}

/** A fetch whose answer the test releases when it wants: the server read the record before the step. */
function lateFetch() {
  let release: (w: Warning) => void = () => undefined;
  const answer = new Promise<Warning>((resolve) => {
    release = resolve;
  });
  return { fn: () => answer, release };
}

describe('storeAnswer (web): a step’s answer is not overwritten by an older fetch', () => {
  const key = ['warnings', 'detail', 7];

  it('a fetch started before the step and answering after it does not put the old state back', async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    qc.setQueryData<Warning>(key, { status: 'acknowledged', attempts: 0 });
    const late = lateFetch();
    const fetching = qc.fetchQuery({ queryKey: key, queryFn: late.fn, staleTime: 0 }).catch(() => undefined);
    await storeAnswer<Warning>(qc, key, { status: 'in_progress', attempts: 1 });
    late.release({ status: 'acknowledged', attempts: 0 });
    await fetching;
    await new Promise((r) => setTimeout(r, 0));
    expect(qc.getQueryData<Warning>(key)).toEqual({ status: 'in_progress', attempts: 1 });
  });

  it('without it (setQueryData alone) the late fetch wins: the race the helper exists for', async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    qc.setQueryData<Warning>(key, { status: 'acknowledged', attempts: 0 });
    const late = lateFetch();
    const fetching = qc.fetchQuery({ queryKey: key, queryFn: late.fn, staleTime: 0 });
    qc.setQueryData<Warning>(key, { status: 'in_progress', attempts: 1 });
    late.release({ status: 'acknowledged', attempts: 0 });
    await fetching;
    expect(qc.getQueryData<Warning>(key)).toEqual({ status: 'acknowledged', attempts: 0 });
  });

  it('a fetch started after the answer is stored is left alone', async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await storeAnswer<Warning>(qc, key, { status: 'in_progress', attempts: 1 });
    const fresh = await qc.fetchQuery({ queryKey: key, queryFn: () => Promise.resolve({ status: 'closed', attempts: 1 }), staleTime: 0 });
    expect(fresh).toEqual({ status: 'closed', attempts: 1 });
    expect(qc.getQueryData<Warning>(key)).toEqual({ status: 'closed', attempts: 1 });
  });
});

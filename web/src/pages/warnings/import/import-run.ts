import { runImportChunk, type ChunkResult, type ImportUpload } from '../../../api/warnings.ts';
import type { MappingValues } from './mapping-step.tsx';

export const CHUNK_ROWS = 2000;

export interface RunTotals {
  processed: number;
  total: number;
  accepted: number;
  duplicates: number;
  rejected: ChunkResult['rejected'];
}

export const emptyTotals = (total: number): RunTotals => ({ processed: 0, total, accepted: 0, duplicates: 0, rejected: [] });

/**
 * Imports the file chunk by chunk, one request at a time, reporting after each; `stopped()` is asked
 * between chunks, so stopping leaves the rows done so far imported and nothing half-done.
 */
export async function runImport(upload: ImportUpload, v: MappingValues, onProgress: (t: RunTotals) => void, stopped: () => boolean): Promise<RunTotals> {
  let totals = emptyTotals(upload.total);
  for (let offset = 0; offset < upload.total && !stopped(); offset += CHUNK_ROWS) {
    const r = await runImportChunk(upload.id, { mapping: v.mapping, source: v.source, defaultLevel: v.defaultLevel, offset, limit: CHUNK_ROWS });
    totals = {
      processed: r.processed,
      total: r.total,
      accepted: totals.accepted + r.accepted,
      duplicates: totals.duplicates + r.duplicates,
      rejected: [...totals.rejected, ...r.rejected],
    };
    onProgress(totals);
  }
  return totals;
}

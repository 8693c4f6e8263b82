import type { HTMLAttributes } from 'react';

/** data-* attributes for a table row (antd's onRow type lists only the DOM's named attributes). */
export function rowAttrs(attrs: Record<string, string | number>): HTMLAttributes<HTMLElement> {
  return attrs as HTMLAttributes<HTMLElement>;
}

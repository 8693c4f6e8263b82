import type { FormInstance } from 'antd';
import { ApiError } from '../api/problem.ts';

/**
 * Puts the server's field errors (problem+json `errors[]`, paths like `body.regionCode`) on the form
 * fields of the same name. Returns true when every error found a field, so nothing else needs showing.
 */
export function applyFieldErrors(form: Pick<FormInstance, 'setFields'>, err: unknown, fields: readonly string[]): boolean {
  if (!(err instanceof ApiError) || err.errors.length === 0) return false;
  const placed = err.errors
    .map((e) => ({ name: e.path.replace(/^body\./, ''), message: e.message }))
    .filter((e) => fields.includes(e.name));
  if (placed.length === 0) return false;
  form.setFields(placed.map((e) => ({ name: e.name, errors: [e.message] })));
  return placed.length === err.errors.length;
}

import type { OrgKind, Role } from '../../../src/lib/roles.ts';
import type { Translate } from './lang.ts';
import { zh, type MessageKey } from './zh.ts';

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zh, key);
}

export function roleLabel(t: Translate, role: Role): string {
  return t(`role.${role}`);
}

export function kindLabel(t: Translate, kind: OrgKind): string {
  return t(`kind.${kind}`);
}

/** Audit actions come from the server as codes; codes added later show as they are. */
export function actionLabel(t: Translate, action: string): string {
  const key = `action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

export function targetLabel(t: Translate, targetType: string): string {
  const key = `target.${targetType}`;
  return isMessageKey(key) ? t(key) : targetType;
}

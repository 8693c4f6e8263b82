import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { OrgDto } from '../../api/orgs.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { kindLabel } from '../../i18n/labels.ts';
import type { Translate } from '../../i18n/lang.ts';
import { buildOrgForest, type OrgNode } from '../../lib/org-tree.ts';

interface PickerNode {
  value: string;
  title: string;
  /** Name, code and kind: what the search box matches. */
  search: string;
  children: PickerNode[];
}

function toNodes(forest: OrgNode[], t: Translate): PickerNode[] {
  return forest.map((n) => ({
    value: n.org.code,
    title: `${n.org.name}（${kindLabel(t, n.org.kind)}）`,
    search: `${n.org.name} ${n.org.code} ${kindLabel(t, n.org.kind)}`.toLowerCase(),
    children: toNodes(n.children, t),
  }));
}

interface Props {
  orgs: readonly OrgDto[];
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
}

/** Picks an active organisation from the admin's scope; searchable by name, code or kind. */
export function OrgTreeSelect({ orgs, value, onChange, placeholder, allowClear, testId }: Props) {
  const t = useT();
  const treeData = useMemo(() => toNodes(buildOrgForest(orgs.filter((o) => o.active)), t), [orgs, t]);
  return (
    <TreeSelect<string, PickerNode>
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      placeholder={placeholder ?? t('common.pickOrg')}
      allowClear={allowClear}
      showSearch={{
        filterTreeNode: (input, node) => (node as PickerNode).search.includes(input.trim().toLowerCase()),
        // Clearing the search on pick re-renders the whole tree inside the closing popup and makes the
        // virtual list chase the picked node until it gives up with a console warning; the search is
        // cleared when the popup closes anyway.
        autoClearSearchValue: false,
      }}
      treeDefaultExpandedKeys={treeData.map((n) => n.value)}
      popupMatchSelectWidth={false}
      listHeight={360}
      data-testid={testId}
    />
  );
}

import { SearchOutlined } from '@ant-design/icons';
import { Checkbox, Empty, Input, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import type { OrgDto } from '../../../api/orgs.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { kindLabel } from '../../../i18n/labels.ts';
import type { Translate } from '../../../i18n/lang.ts';
import { buildOrgForest, filterForest, orgMatches, walkForest, type OrgNode } from '../../../lib/org-tree.ts';

const KIND_COLORS: Record<string, string> = {
  city: 'geekblue',
  county: 'blue',
  station: 'cyan',
  township: 'cyan',
  grid: 'green',
  bank: 'gold',
  bank_branch: 'gold',
  operator: 'purple',
  outlet: 'purple',
  member_unit: 'magenta',
};

function toTreeData(forest: OrgNode[], t: Translate): TreeDataNode[] {
  return forest.map((n) => ({
    key: n.org.code,
    title: (
      <span className={n.org.active ? 'fz-org-node' : 'fz-org-node fz-org-inactive'} data-testid="org-node">
        <span>{n.org.name}</span>
        <Tag color={KIND_COLORS[n.org.kind]} variant="filled" className="fz-org-kind">
          {kindLabel(t, n.org.kind)}
        </Tag>
        {!n.org.active && <Tag>{t('common.inactive')}</Tag>}
      </span>
    ),
    children: toTreeData(n.children, t),
  }));
}

interface Props {
  orgs: OrgDto[];
  selected: string | null;
  onSelect: (code: string) => void;
  height: number;
}

export function OrgTreePanel({ orgs, selected, onSelect, height }: Props) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [showInactive, setShowInactive] = useState(true);
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const { treeData, autoExpanded, count } = useMemo(() => {
    const visible = showInactive ? orgs : orgs.filter((o) => o.active);
    const forest = filterForest(buildOrgForest(visible), (o) => orgMatches(o, query));
    const keys: string[] = [];
    let n = 0;
    // Searching opens every branch that leads to a hit; otherwise the first two levels are open.
    walkForest(forest, (node, depth) => {
      n++;
      if (node.children.length && (query.trim() || depth < 1)) keys.push(node.org.code);
    });
    return { treeData: toTreeData(forest, t), autoExpanded: keys, count: n };
  }, [orgs, query, showInactive, t]);

  return (
    <div className="fz-org-tree-panel">
      <div className="fz-toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('orgs.search')}
          onChange={(e) => {
            setQuery(e.target.value);
            setExpanded(null);
          }}
          data-testid="org-search"
        />
        <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>
          {t('orgs.showInactive')}
        </Checkbox>
      </div>
      <Typography.Text type="secondary" className="fz-org-count">
        {t('orgs.count', { n: count })}
      </Typography.Text>
      {treeData.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.empty')} />
      ) : (
        <Tree
          data-testid="org-tree"
          blockNode
          height={height}
          treeData={treeData}
          expandedKeys={expanded ?? autoExpanded}
          onExpand={(keys) => setExpanded(keys.map(String))}
          selectedKeys={selected ? [selected] : []}
          onSelect={(keys) => {
            const first = keys[0];
            if (first !== undefined) onSelect(String(first));
          }}
        />
      )}
    </div>
  );
}

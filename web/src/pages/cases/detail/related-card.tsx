import { ApartmentOutlined } from '@ant-design/icons';
import { Button, Card, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CaseDetailDto } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { identifierLabel } from '../shared/labels.ts';
import { CaseStatusTag } from '../shared/tags.tsx';

const SHOWN = 6;

/**
 * 串并案: the serial cases this case belongs to, and the other cases sharing a phone, account, URL… with
 * it (leads for merging), each a link.
 */
export function RelatedCard({ c }: { c: CaseDetailDto }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const related = all ? c.related : c.related.slice(0, SHOWN);
  return (
    <Card
      variant="borderless"
      size="small"
      title={t('cases.related.title')}
      className="fz-gap-bottom"
      data-testid="case-related"
      data-count={c.related.length}
      extra={
        <Link to="/cases/clusters" data-testid="case-related-clusters">
          <ApartmentOutlined /> {t('cases.clusters.link')}
        </Link>
      }
    >
      {c.serials.length > 0 && (
        <div className="fz-cs-related-serials" data-testid="case-serials">
          {c.serials.map((s) => (
            <Link key={s.id} to={`/cases/serials/${s.id}`} data-testid={`case-serial-${s.id}`}>
              <Tag color="purple" className="fz-cs-serial-tag">
                {t('cases.related.serial', { no: s.serialNo, name: s.name })}
              </Tag>
            </Link>
          ))}
        </div>
      )}
      {c.related.length === 0 ? (
        <Typography.Text type="secondary">{t('cases.related.none')}</Typography.Text>
      ) : (
        <ul className="fz-cs-related">
          {related.map((r) => (
            <li key={r.id} data-testid={`case-related-${r.id}`}>
              <div className="fz-cs-related-head">
                <Link to={`/cases/${r.id}`} className="fz-cs-no">
                  {r.caseNo}
                </Link>
                <CaseStatusTag status={r.status} />
                <Typography.Text type="secondary" className="fz-small">
                  {formatDateTime(r.reportedAt)}
                </Typography.Text>
              </div>
              <div className="fz-cs-related-shared">
                {r.shared.map((s) => (
                  <Tag key={`${s.kind}|${s.value}`} className="fz-cs-tag-small">
                    {identifierLabel(t, s.kind)} {s.value}
                  </Tag>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      {c.related.length > SHOWN && (
        <Button type="link" size="small" className="fz-cs-link-button" onClick={() => setAll(!all)}>
          {all ? t('cases.related.fewer') : t('cases.related.all', { n: c.related.length })}
        </Button>
      )}
    </Card>
  );
}

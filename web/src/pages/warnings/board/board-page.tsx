import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Typography } from 'antd';
import { fetchBoard } from '../../../api/warnings.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTimeSeconds } from '../../../lib/format.ts';
import { seesTriage } from '../shared/access.ts';
import { BOARD_KEY } from '../shared/keys.ts';
import { SettingsCard } from '../settings/settings-card.tsx';
import { BoardCards } from './board-cards.tsx';
import { UnitsTable } from './units-table.tsx';

/**
 * The live board. The stream refreshes it on every change; the minute refetch moves warnings into
 * "due within the hour" and "overdue" as time passes, which no event announces.
 */
export function BoardPage() {
  const me = useCurrentUser();
  const t = useT();
  const board = useQuery({ queryKey: BOARD_KEY, queryFn: fetchBoard, refetchInterval: 60_000 });
  return (
    <div className="fz-wn-board" data-testid="warning-board">
      <Typography.Text type="secondary" className="fz-small" data-testid="board-updated">
        {board.data ? t('warnings.board.updated', { time: formatDateTimeSeconds(board.data.at) }) : t('common.loading')}
      </Typography.Text>
      {board.data && <BoardCards board={board.data} triage={seesTriage(me.role)} />}
      <Row gutter={[16, 16]} className="fz-gap-top">
        <Col xs={24} xl={16}>
          <Card variant="borderless" size="small" title={t('warnings.board.units')} loading={board.isPending}>
            <UnitsTable units={board.data?.units ?? []} own={board.data?.own ? { ...board.data.own, orgName: t('warnings.board.ownLevel', { org: board.data.own.orgName }) } : null} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <SettingsCard />
        </Col>
      </Row>
    </div>
  );
}

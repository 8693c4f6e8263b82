import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { OrgDto } from '../../../api/orgs.ts';
import { draftBulletin, type BulletinDto } from '../../../api/stats.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { OrgTreeSelect } from '../../admin/org-tree-select.tsx';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useStatsT } from '../i18n/use-stats-t.ts';
import { BULLETINS_KEY } from '../shared/keys.ts';
import { chinaToday, nextDay } from '../shared/period.ts';

interface Values {
  orgCode: string;
  days: [Dayjs, Dayjs];
}

/** Asks the server to draft a bulletin for a unit and days (the last 7 by default), then opens it. */
export function DraftBulletinModal({ units, onClose, onDrafted }: { units: readonly OrgDto[]; onClose: () => void; onDrafted: (b: BulletinDto) => void }) {
  const me = useCurrentUser();
  const t = useT();
  const st = useStatsT();
  const phone = usePhone();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const today = dayjs(chinaToday());
  const draft = useMutation({
    mutationFn: (v: Values) => draftBulletin({ from: v.days[0].format('YYYY-MM-DD'), to: nextDay(v.days[1].format('YYYY-MM-DD')), orgCode: v.orgCode === me.orgCode ? undefined : v.orgCode }),
    onSuccess: async (b) => {
      showSuccess(st('stats.bulletins.drafted', { title: b.title }));
      await queryClient.invalidateQueries({ queryKey: BULLETINS_KEY });
      onDrafted(b);
    },
    onError: showError,
    meta: { handlesError: true },
  });
  const lastMonth = today.subtract(1, 'month');
  return (
    <Modal
      open
      width={phone ? '100%' : 560}
      title={st('stats.bulletins.new')}
      okText={st('stats.bulletins.draft')}
      cancelText={t('common.cancel')}
      confirmLoading={draft.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'bulletin-draft-submit' }}
    >
      <div data-testid="bulletin-draft">
        <Typography.Paragraph type="secondary" className="fz-small">
          {st('stats.bulletins.newHint')}
        </Typography.Paragraph>
        <Form<Values> name="stats-bulletin-draft" form={form} layout="vertical" initialValues={{ orgCode: me.orgCode, days: [today.subtract(6, 'day'), today] }} onFinish={(v) => draft.mutate(v)}>
          <Form.Item name="orgCode" label={st('stats.bulletins.org')} rules={[{ required: true, message: t('common.required') }]}>
            <OrgTreeSelect orgs={units} testId="bulletin-draft-org" />
          </Form.Item>
          <Form.Item name="days" label={st('stats.bulletins.period')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker.RangePicker
              allowClear={false}
              disabledDate={(d) => d.isAfter(today, 'day')}
              className="fz-full-width"
              presets={[
                { label: st('stats.bulletins.preset.week'), value: [today.subtract(6, 'day'), today] },
                { label: st('stats.bulletins.preset.month'), value: [today.startOf('month'), today] },
                { label: st('stats.bulletins.preset.lastMonth'), value: [lastMonth.startOf('month'), lastMonth.endOf('month').startOf('day')] },
              ]}
              data-testid="bulletin-draft-period"
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Descriptions, Drawer, Form, Table, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { signLetter, type LetterDto, type LetterItem } from '../../../api/liaison.ts';
import { ApiError } from '../../../api/problem.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { serverDayjs } from '../../../lib/server-time.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useLiaisonT } from '../i18n/use-liaison-t.ts';
import { canSign, isPartner } from '../shared/access.ts';
import { placeErrors, showLiaisonError } from '../shared/errors.ts';
import { LIAISON_KEY } from '../shared/keys.ts';
import { LetterStateTag } from '../shared/tags.tsx';
import { letterState, type LetterRow } from './letter-rows.ts';

/** The unit signs (or the center records the date on the signed paper); once only, never after today. */
function SignForm({ letter, unit }: { letter: LetterDto; unit: string }) {
  const me = useCurrentUser();
  const t = useT();
  const lt = useLiaisonT();
  const [form] = Form.useForm<{ signedOn: Dayjs }>();
  const queryClient = useQueryClient();
  const today = serverDayjs().endOf('day');
  const save = useMutation({
    mutationFn: (signedOn: string) => signLetter(letter.id, signedOn),
    onSuccess: async () => {
      showSuccess(lt('liaison.letter.signedMsg', { unit, year: letter.year }));
      await queryClient.invalidateQueries({ queryKey: LIAISON_KEY });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) void queryClient.invalidateQueries({ queryKey: LIAISON_KEY });
      const rest = placeErrors(form, err, lt, ['signedOn']);
      if (rest === null || rest.length) showLiaisonError(lt, err);
    },
    meta: { handlesError: true },
  });
  return (
    <Form name="liaison-sign" form={form} layout="inline" initialValues={{ signedOn: serverDayjs() }} onFinish={(v) => save.mutate(v.signedOn.format('YYYY-MM-DD'))} data-testid="letter-sign-form" className="fz-gap-bottom">
      <Form.Item name="signedOn" label={lt('liaison.letter.signTitle')} rules={[{ required: true, message: t('common.required') }]} extra={lt(isPartner(me.role) ? 'liaison.letter.signHint' : 'liaison.letter.signHintCenter')}>
        <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(today)} data-testid="letter-signed-on" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="letter-sign-submit">
          {lt('liaison.letter.signSubmit')}
        </Button>
      </Form.Item>
    </Form>
  );
}

/** A unit's letter: its commitments, whether and when it was signed, and for its signer the form to sign. */
export function LetterDrawer({ row, onClose }: { row: LetterRow; onClose: () => void }) {
  const me = useCurrentUser();
  const lt = useLiaisonT();
  const phone = usePhone();
  const letter = row.letter;
  const columns: TableColumnsType<LetterItem & { n: number }> = [
    { key: 'n', title: '#', dataIndex: 'n', width: 48 },
    { key: 'item', title: lt('liaison.letter.item'), dataIndex: 'item' },
    { key: 'measure', title: lt('liaison.letter.measure'), dataIndex: 'measure', render: (x: string) => <span className="fz-lx-pre">{x}</span> },
  ];
  const items: DescriptionsProps['items'] = letter
    ? [
        { key: 'unit', label: lt('liaison.letter.unit'), children: row.name },
        { key: 'year', label: lt('liaison.letters.year'), children: letter.year },
        { key: 'state', label: lt('liaison.letter.state'), children: <LetterStateTag state={letterState(letter)} /> },
        { key: 'signed', label: lt('liaison.letter.signedOn'), children: letter.signedOn ? lt('liaison.letter.signedLine', { on: letter.signedOn, by: letter.signedBy ?? '' }) : lt('liaison.letter.waiting') },
      ]
    : [];
  return (
    <Drawer open onClose={onClose} size={phone ? '100%' : 720} title={letter?.title ?? row.name} data-testid="letter-drawer" data-unit={row.code} data-state={row.state}>
      {!letter ? (
        <Alert type="info" showIcon title={lt('liaison.letter.state.none')} />
      ) : (
        <>
          {letter.signedOn && <Alert type="success" showIcon className="fz-gap-bottom" data-testid="letter-signed" title={lt('liaison.letter.signedLine', { on: letter.signedOn, by: letter.signedBy ?? '' })} />}
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} />
          <Typography.Title level={5} className="fz-gap-top">
            {lt('liaison.letter.items')}
          </Typography.Title>
          <Table<LetterItem & { n: number }>
            data-testid="letter-items-table"
            rowKey="n"
            size="small"
            columns={columns}
            dataSource={letter.items.map((x, i) => ({ ...x, n: i + 1 }))}
            pagination={false}
          />
          {/* Read first, then sign. */}
          {canSign(me.role, letter) && (
            <>
              <Typography.Title level={5} className="fz-gap-top">
                {lt(isPartner(me.role) ? 'liaison.letter.sign' : 'liaison.letter.record')}
              </Typography.Title>
              <SignForm letter={letter} unit={row.name} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}

import { Typography } from 'antd';

/** An account number in groups of four, copyable as typed (without the spaces). */
export function AccountText({ account, strong }: { account: string; strong?: boolean }) {
  const grouped = /^\d+$/.test(account) ? account.replace(/(\d{4})(?=\d)/g, '$1 ') : account;
  return (
    <Typography.Text className="fz-cs-account" copyable={/^\d+$/.test(account) ? { text: account } : false} strong={strong}>
      {grouped}
    </Typography.Text>
  );
}

import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { localTime, serverTime } from '../format';

/** A GMP record's time: local for reading, the server's recorded instant beside it. */
export function RecordedAt({ at }: { at: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Tooltip title={`${t('journey.serverTime')}: ${serverTime(at)}`}>
      <span>
        {localTime(at, i18n.language)}{' '}
        <Typography.Text type="secondary">({serverTime(at)})</Typography.Text>
      </span>
    </Tooltip>
  );
}

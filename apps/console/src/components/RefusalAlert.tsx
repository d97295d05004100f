import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../api/refusal';

/**
 * A refusal as the server gave it: its rule ID (or code) and its sentence, never hidden
 * behind a generic message, so the user can quote it to QA.
 */
export function RefusalAlert({ refusal }: { refusal: Refusal | undefined }) {
  const { t } = useTranslation();
  if (!refusal) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="refusal"
      title={
        <span>
          {t('refusal.title')} · {t('refusal.rule')}{' '}
          <Typography.Text strong data-testid="refusal-code">
            {refusal.code}
          </Typography.Text>
        </span>
      }
      description={<span data-testid="refusal-message">{refusal.message}</span>}
      style={{ marginBottom: 16 }}
    />
  );
}

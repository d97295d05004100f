import { App, Button, Card, Descriptions, Form, Input, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, outcome } from '../../api/client';
import { showFieldErrorsAtPaths } from '../../components/field-errors';
import { RecordedAt } from '../../components/RecordedAt';
import { type SignatureInput, SignatureDialog } from '../../components/SignatureDialog';
import type { BatchRecordReview } from './quality-steps';
import { TAG_COLOURS } from '../../components/tag-colours';

/**
 * QA's latest review of the batch record (QA-02.2): what was signed, by whom and when, and
 * whether the record still hashes to it; a row appended after it voids it.
 */
export function BatchRecordReviewView({ review }: { review: BatchRecordReview | undefined }) {
  const { t } = useTranslation();
  const label = (key: string) => t(`qualitySteps.review.${key}`);
  return (
    <section aria-labelledby="review-title" data-testid="batch-record-review">
      <h2 id="review-title">{label('title')}</h2>
      {!review ? (
        <p data-testid="review-none">{label('none')}</p>
      ) : (
        <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={label('batch')}>{review.batchNumber}</Descriptions.Item>
          <Descriptions.Item label={label('validity')}>
            <Tag
              color={review.valid ? TAG_COLOURS.settled : TAG_COLOURS.blocked}
              data-testid="review-validity"
            >
              {review.valid
                ? label('valid')
                : t('qualitySteps.review.voided', {
                    reason: review.voidReason ?? '',
                  })}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={label('comment')}>{review.comment}</Descriptions.Item>
          <Descriptions.Item label={label('deviations')}>
            {review.deviations.map((d) => `${d.rule}: ${d.message}`).join('; ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={label('reviewedBy')}>
            {review.reviewedBy.userId}
          </Descriptions.Item>
          <Descriptions.Item label={label('reviewedAt')}>
            <RecordedAt at={review.reviewedAt} />
          </Descriptions.Item>
          <Descriptions.Item label={label('recordHash')}>
            <code>{review.recordHash}</code>
          </Descriptions.Item>
        </Descriptions>
      )}
    </section>
  );
}

interface Values {
  comment: string;
}

interface Props {
  donorCode: string;
  onSigned(): void;
}

/**
 * The qualified person signs the complete batch record reviewed (QA-02.2, CSV-02): a comment,
 * then the signature dialog. The server refuses QA-02 while a step or production is not
 * completed; the refusal stays in the dialog with its rule ID.
 */
export function BatchRecordReviewForm(props: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [comment, setComment] = useState<string>();

  // A comment typed in the dialog joins the review's comment, as the other signed forms do.
  const review = async ({ password, comment: more }: SignatureInput) => {
    const result = await outcome(
      api.POST('/api/journeys/{donorCode}/batch-record/review', {
        params: {
          path: { donorCode: props.donorCode },
          header: { 'Idempotency-Key': idempotencyKey() },
        },
        body: { comment: more ? `${comment}\n${more}` : (comment ?? ''), signature: { password } },
      }),
    );
    if (!result.ok) showFieldErrorsAtPaths(form, result.refusal);
    return result;
  };

  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('qualitySteps.review.sign')}</h2>}
      data-testid="review-form"
      style={{ marginBottom: 16 }}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => setComment(v.comment.trim())}>
        <Form.Item
          name="comment"
          label={t('qualitySteps.review.comment')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('qualitySteps.review.sign')}
        </Button>
      </Form>
      <SignatureDialog
        open={comment !== undefined}
        action={t('qualitySteps.review.action')}
        meaning="reviewed"
        donorCode={props.donorCode}
        sign={review}
        onCancel={() => setComment(undefined)}
        onSigned={() => {
          setComment(undefined);
          form.resetFields();
          void message.success(t('qualitySteps.review.signed'));
          props.onSigned();
        }}
      />
    </Card>
  );
}

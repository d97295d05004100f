import { Button, Card, Empty, Form, Input, Radio, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordedAt } from '../../components/RecordedAt';
import { type SignatureInput, SignatureDialog } from '../../components/SignatureDialog';
import { StepForm } from '../../components/StepForm';
import { type OosPhaseBodies, recordOosPhase } from './quality-api';
import { actionFor, investigationColour, type OosInvestigationView } from './release';

interface Props {
  donorCode: string;
  role: string;
  investigations: OosInvestigationView[];
  /** A phase was recorded: the investigations, the QC standing and the gates are read again. */
  onRecorded(): void;
}

/**
 * The journey's OOS investigations (QA-02.1, §10(2)), each with its status and phases, and the
 * record its status expects from this user: QC's laboratory conclusion, QA's process
 * conclusion, or QA's outcome signed with the password re-entered (CSV-02).
 */
export function OosInvestigations(props: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="oos-title" data-testid="oos-investigations">
      <h2 id="oos-title">{t('release.oos.title')}</h2>
      {props.investigations.length === 0 && (
        <Empty description={t('release.oos.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      {props.investigations.map((investigation) => (
        <Investigation
          key={investigation.investigationId}
          {...props}
          investigation={investigation}
        />
      ))}
    </section>
  );
}

function Investigation(props: Props & { investigation: OosInvestigationView }) {
  const { t } = useTranslation();
  const { investigation: inv } = props;
  const action = actionFor(props.role, inv);
  const shortId = inv.investigationId.slice(0, 8);
  return (
    <Card
      size="small"
      data-testid={`oos-${inv.testCode}`}
      title={
        <h3 className="card-title">
          {t('release.oos.investigation', { test: inv.testCode, id: shortId })}
        </h3>
      }
      extra={
        <Tag color={investigationColour(inv.status)} data-testid={`oos-status-${inv.testCode}`}>
          {t(`release.oosStatus.${inv.status}`)}
        </Tag>
      }
      style={{ marginBottom: 16 }}
    >
      <p>
        {t('release.oos.opened', { result: inv.resultId })} <RecordedAt at={inv.openedAt} />
      </p>
      <Timeline
        items={inv.events.map((e) => ({
          content: (
            <div>
              <RecordedAt at={e.recordedAt} /> · <Tag>{t(`release.oosPhase.${e.phase}`)}</Tag>
              {e.assignableCause !== null && (
                <Tag>
                  {e.assignableCause ? t('release.oos.causeFound') : t('release.oos.noCause')}
                </Tag>
              )}
              {e.outcome && <Tag>{t(`release.oosStatus.${e.outcome}`)}</Tag>}
              <div>{e.findings}</div>
              {e.disposition && (
                <div>
                  {t('release.oos.disposition')}: {e.disposition}
                </div>
              )}
            </div>
          ),
        }))}
      />
      {inv.status === 'retest-ordered' && <p>{t('release.oos.awaitingRetest')}</p>}
      {action === 'laboratory-conclusion' && <LaboratoryConclusion {...props} />}
      {action === 'process-conclusion' && <ProcessConclusion {...props} />}
      {action === 'outcome' && <OutcomeDecision {...props} />}
    </Card>
  );
}

type PhaseProps = Props & { investigation: OosInvestigationView };

function LaboratoryConclusion(props: PhaseProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OosPhaseBodies['laboratory-conclusion']>();
  const required = { required: true, message: t('form.required') };
  return (
    <StepForm<OosPhaseBodies['laboratory-conclusion']>
      form={form}
      name="laboratory-conclusion-form"
      title={t('release.oos.laboratory')}
      submitLabel={t('release.oos.recordLaboratory')}
      send={(body) =>
        recordOosPhase(
          props.donorCode,
          props.investigation.investigationId,
          'laboratory-conclusion',
          body,
        )
      }
      onRecorded={props.onRecorded}
    >
      <Form.Item name="assignableCause" label={t('release.oos.assignableCause')} rules={[required]}>
        <Radio.Group
          options={[
            { value: true, label: t('release.oos.causeFound') },
            { value: false, label: t('release.oos.noCause') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="findings"
        label={t('release.oos.findings')}
        rules={[required, { max: 4000 }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </StepForm>
  );
}

function ProcessConclusion(props: PhaseProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OosPhaseBodies['process-conclusion']>();
  return (
    <StepForm<OosPhaseBodies['process-conclusion']>
      form={form}
      name="process-conclusion-form"
      title={t('release.oos.process')}
      submitLabel={t('release.oos.recordProcess')}
      send={(body) =>
        recordOosPhase(
          props.donorCode,
          props.investigation.investigationId,
          'process-conclusion',
          body,
        )
      }
      onRecorded={props.onRecorded}
    >
      <Form.Item
        name="findings"
        label={t('release.oos.findings')}
        rules={[{ required: true, message: t('form.required') }, { max: 4000 }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </StepForm>
  );
}

type OutcomeValues = Omit<OosPhaseBodies['outcome'], 'signature'>;

/** QA's outcome: the form is checked first, then signed in the dialog with its meaning. */
function OutcomeDecision(props: PhaseProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OutcomeValues>();
  const [decision, setDecision] = useState<OutcomeValues>();
  const chosen = Form.useWatch('outcome', form);
  const required = { required: true, message: t('form.required') };

  // The outcome has no comment of its own: a comment typed in the dialog joins the rationale,
  // so it is signed with it rather than lost.
  const sign = ({ password, comment }: SignatureInput) => {
    const values = decision as OutcomeValues;
    const rationale = comment ? `${values.rationale}\n${comment}` : values.rationale;
    return recordOosPhase(props.donorCode, props.investigation.investigationId, 'outcome', {
      outcome: values.outcome,
      rationale,
      ...(values.outcome === 'oos-confirmed' && values.disposition
        ? { disposition: values.disposition }
        : {}),
      signature: { password },
    });
  };

  return (
    <Card
      size="small"
      data-testid="oos-outcome-form"
      title={<h4 className="card-title">{t('release.oos.outcome')}</h4>}
    >
      <Form<OutcomeValues> form={form} layout="vertical" onFinish={setDecision}>
        <Form.Item name="outcome" label={t('release.oos.outcome')} rules={[required]}>
          <Radio.Group
            options={[
              { value: 'invalidated', label: t('release.oosStatus.invalidated') },
              { value: 'oos-confirmed', label: t('release.oosStatus.oos-confirmed') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="rationale"
          label={t('release.oos.rationale')}
          rules={[required, { max: 2990 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        {chosen === 'oos-confirmed' && (
          <Form.Item
            name="disposition"
            label={t('release.oos.disposition')}
            rules={[required, { max: 1000 }]}
          >
            <Input />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit">
          {t('release.oos.signOutcome')}
        </Button>
      </Form>
      <SignatureDialog
        open={decision !== undefined}
        action={t('release.oos.signAction', { test: props.investigation.testCode })}
        meaning="approved"
        donorCode={props.donorCode}
        sign={sign}
        onCancel={() => setDecision(undefined)}
        onSigned={() => {
          setDecision(undefined);
          props.onRecorded();
        }}
      />
    </Card>
  );
}

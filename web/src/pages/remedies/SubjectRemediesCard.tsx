/** The remedies brought against a subject (a case's decision …), for the subject's own page, with the register buttons. */
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useLawsuits, useReconsiderations } from './api';
import { RegisterModal } from './RegisterModal';
import { LawsuitTable, ReconsiderationTable } from './RemediesPage';

export function SubjectRemediesCard({ subject, canRegister }: { subject: { type: string; id: string }; canRegister: boolean }) {
  const recs = useReconsiderations(subject).data;
  const suits = useLawsuits(subject).data;
  const [registering, setRegistering] = useState<'reconsideration' | 'lawsuit' | null>(null);
  if (!recs || !suits) return null;
  if (!canRegister && !recs.total && !suits.total) return null;
  return (
    <Card
      title="行政复议和行政诉讼"
      size="small"
      data-testid="subject-remedies"
      extra={
        canRegister && (
          <Space>
            <Button size="small" data-testid="register-reconsideration" onClick={() => setRegistering('reconsideration')}>
              登记行政复议
            </Button>
            <Button size="small" data-testid="register-lawsuit" onClick={() => setRegistering('lawsuit')}>
              登记行政诉讼
            </Button>
          </Space>
        )
      }
    >
      {recs.total > 0 && <ReconsiderationTable items={recs.items} />}
      {suits.total > 0 && <LawsuitTable items={suits.items} />}
      {!recs.total && !suits.total && '没有行政复议、行政诉讼'}
      {registering && <RegisterModal kind={registering} subject={subject} onClose={() => setRegistering(null)} />}
    </Card>
  );
}

'use client';
/**
 * Which component renders which section's body. Sections without structured tools of their own show their
 * rich text. Add a section's tools here (one case), nowhere else.
 */
import { RichTextBody } from '@/components/editor/RichTextBody';
import type { SectionBodyProps } from '@/components/editor/section-body';
import { EvaluationBody } from './evaluation';
import { FamilyBody } from './family';
import { GoalsBody } from './goals';
import { NetworkBody } from './network';
import { SafetyBody } from './safety';
import { Transition18Body } from './transition18';

export function SectionBody(props: SectionBodyProps) {
  switch (props.section) {
    case 'gezin':
      return <FamilyBody {...props} />;
    case 'netwerk':
      return <NetworkBody {...props} />;
    case 'veiligheid':
      return <SafetyBody {...props} />;
    case 'doelen':
      return <GoalsBody {...props} />;
    case 'evaluatie':
      return <EvaluationBody {...props} />;
    case 'overgang18':
      return <Transition18Body {...props} />;
    default:
      return <RichTextBody {...props} />;
  }
}

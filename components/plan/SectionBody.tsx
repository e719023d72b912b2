'use client';
/**
 * Which component renders which section's body. Sections without structured tools of their own show their
 * rich text. Add a section's tools here (one case), nowhere else.
 */
import { RichTextBody } from '@/components/editor/RichTextBody';
import type { SectionBodyProps } from '@/components/editor/section-body';

export function SectionBody(props: SectionBodyProps) {
  switch (props.section) {
    default:
      return <RichTextBody {...props} />;
  }
}

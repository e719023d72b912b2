import { Heading } from '@utrecht/component-library-react';
import type { SectionKey } from '@/lib/sections';
import { readSectionForExport } from '@/server/export/model';
import { sectionBlocks, type PrintBlock } from '@/server/export/printable';
import { sectionLabelsForPlan } from '@/server/plans/section-labels';
import { docFromUpdates } from '@/server/plans/section-state';
import styles from './versions.module.css';

/**
 * A version's sections, read-only, rendered on the server from the snapshot: structured content through the
 * section readers (validated), rich text as text — the same description as the paper export. Only the sections
 * passed in are rendered; the caller passes just those the viewer may see now.
 */
export async function VersionSections({ planId, sections }: { planId: string; sections: { key: SectionKey; state: Uint8Array }[] }) {
  const tSections = await sectionLabelsForPlan(planId);
  return (
    <div className={styles.sections}>
      {sections.map(({ key, state }) => {
        const doc = docFromUpdates([state]);
        const blocks = sectionBlocks({ key, title: '', right: 'read', comments: [], ...readSectionForExport(key, doc) });
        doc.destroy();
        return (
          <section key={key} className={styles.section} aria-labelledby={`version-${key}`} data-testid={`version-section-${key}`}>
            <Heading level={2} id={`version-${key}`}>
              {tSections(key)}
            </Heading>
            {blocks.map((b, i) => (
              <Block key={i} block={b} />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function Block({ block }: { block: PrintBlock }) {
  const indent = 'indent' in block ? { paddingInlineStart: `${block.indent * 1.25}rem` } : undefined;
  switch (block.t) {
    case 'title':
    case 'h2':
    case 'h3':
      return <h3>{block.text}</h3>;
    case 'field':
      return (
        <p style={indent}>
          <span className={styles.fieldLabel}>{block.label}:</span> {block.text}
        </p>
      );
    case 'para':
      return (
        <p style={indent} className={block.strong ? styles.fieldLabel : undefined}>
          {block.text}
        </p>
      );
    case 'note':
      return <p className={styles.note}>{block.text}</p>;
  }
}

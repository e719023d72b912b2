import { Heading } from '@utrecht/component-library-react';
import type { VersionBlock, VersionSection } from '@/lib/api/versions';
import styles from './versions.module.css';

/**
 * A version's sections, read-only, as the server described them from the snapshot: structured content through
 * the section readers (validated), rich text as text — the same description as the paper export. Only the sections
 * passed in are rendered; the page passes just those the viewer may see now.
 */
export function VersionSections({ sections }: { sections: VersionSection[] }) {
  return (
    <div className={styles.sections}>
      {sections.map(({ key, title, blocks }) => (
        <section key={key} className={styles.section} aria-labelledby={`version-${key}`} data-testid={`version-section-${key}`}>
          <Heading level={2} id={`version-${key}`}>
            {title}
          </Heading>
          {blocks.map((b, i) => (
            <Block key={i} block={b} />
          ))}
        </section>
      ))}
    </div>
  );
}

function Block({ block }: { block: VersionBlock }) {
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

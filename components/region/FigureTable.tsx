/**
 * A table of figures: the accessible form of every chart on the region page (and the only form of the smaller
 * sections). Wide tables scroll inside their own region, which can be focused and scrolled with the keyboard.
 */
import type { ReactNode } from 'react';
import styles from './region.module.css';

export interface FigureRow {
  key: string;
  header: ReactNode;
  cells: ReactNode[];
  selected?: boolean;
}

export function FigureTable({ id, caption, columns, rows, testId }: { id: string; caption: string; columns: string[]; rows: FigureRow[]; testId?: string }) {
  const captionId = `${id}-caption`;
  return (
    <div className={styles.scroll} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table} data-testid={testId}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-selected={r.selected ? 'true' : undefined}>
              <th scope="row">{r.header}</th>
              {r.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

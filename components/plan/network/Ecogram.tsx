'use client';
/**
 * The ecogram: the household in the centre, three rings of closeness, a node per person on their ring and a line
 * to the family styled by kind (colour and dash, so it still reads in black and white). The SVG scales with its
 * box; its title and description say in words what it shows, and the list beside it is the full text alternative.
 */
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { Closeness, NetworkKind } from '@/lib/shapes/network';
import { NETWORK_KINDS } from '@/lib/shapes/network';
import { labelLines, layoutEcogram, type EcogramPerson } from './ecogram-layout';
import styles from './network.module.css';

/** How a relation of each kind is drawn. */
export const KIND_STYLE: Record<NetworkKind, { color: string; dash: string; width: number }> = {
  familie: { color: '#a04a00', dash: '', width: 5 },
  vriend: { color: '#2e7d32', dash: '', width: 3 },
  buurt: { color: '#6a4c93', dash: '12 7', width: 3.5 },
  school: { color: '#00707a', dash: '3 7', width: 4 },
  professional: { color: '#1f4e79', dash: '18 6 4 6', width: 3.5 },
  anders: { color: '#5f6670', dash: '8 8', width: 2.5 },
};

export interface EcogramProps {
  householdName: string;
  householdPeople: string[];
  people: EcogramPerson[];
}

export function Ecogram({ householdName, householdPeople, people }: EcogramProps) {
  const t = useTranslations('network');
  const id = useId();
  const layout = layoutEcogram(people.filter((p) => p.name.trim() !== ''));
  const { size, centre, rings, nodeRadius, fontSize, lineHeight } = layout;
  const centreLines = labelLines(householdName || t('theFamily'));
  const byRing = (c: Closeness) =>
    layout.people
      .filter((p) => p.closeness === c)
      .map((p) => `${p.name} (${t(`kind.${p.kind}`)})`)
      .join(', ') || t('nobody');
  const description = [
    t('ecogramCentre', { family: householdName || t('theFamily'), people: householdPeople.join(', ') || '—' }),
    `${t('closeness.1')}: ${byRing(1)}.`,
    `${t('closeness.2')}: ${byRing(2)}.`,
    `${t('closeness.3')}: ${byRing(3)}.`,
  ].join(' ');
  return (
    <figure className={styles.ecogram} data-testid="ecogram">
      <svg
        viewBox={`0 0 ${size} ${size}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className={styles.ecogramSvg}
        fontFamily="var(--onsplan-font-family, system-ui, sans-serif)"
      >
        <title id={`${id}-title`}>{t('ecogramTitle', { count: layout.people.length })}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {rings.map((r, i) => (
          <circle
            key={r}
            cx={centre}
            cy={centre}
            r={r}
            fill={i === 0 ? '#f4f7fb' : 'none'}
            stroke="#b7c0ca"
            strokeWidth={2}
            strokeDasharray={i === 0 ? '' : '6 8'}
          />
        ))}
        {layout.people.map((p) => {
          const s = KIND_STYLE[p.kind];
          const dx = p.x - centre;
          const dy = p.y - centre;
          const d = Math.hypot(dx, dy) || 1;
          const x1 = centre + (dx / d) * layout.centreRadius;
          const y1 = centre + (dy / d) * layout.centreRadius;
          const x2 = p.x - (dx / d) * nodeRadius;
          const y2 = p.y - (dy / d) * nodeRadius;
          return (
            <line key={`line-${p.id}`} x1={x1} y1={y1} x2={x2} y2={y2} stroke={s.color} strokeWidth={s.width} strokeDasharray={s.dash} strokeLinecap="round" />
          );
        })}
        <circle cx={centre} cy={centre} r={layout.centreRadius} fill="#1f4e79" />
        <text
          x={centre}
          y={centre - ((centreLines.length - 1) * lineHeight) / 2 + fontSize * 0.35}
          textAnchor="middle"
          fill="#fff"
          fontSize={fontSize}
          fontWeight={700}
        >
          {centreLines.map((line, i) => (
            <tspan key={i} x={centre} dy={i === 0 ? 0 : lineHeight}>
              {line}
            </tspan>
          ))}
        </text>
        {layout.people.map((p) => {
          const s = KIND_STYLE[p.kind];
          const x = p.labelX;
          return (
            <g key={p.id} data-testid="ecogram-node" data-name={p.name}>
              <circle cx={p.x} cy={p.y} r={nodeRadius} fill={s.color} stroke="#fff" strokeWidth={3} />
              <text
                x={x}
                y={p.labelY}
                textAnchor={p.anchor}
                fontSize={fontSize}
                fontWeight={600}
                fill="#1b1b1b"
                stroke="#fff"
                strokeWidth={7}
                strokeLinejoin="round"
                paintOrder="stroke"
              >
                {p.lines.map((line, i) => (
                  <tspan key={i} x={x} dy={i === 0 ? 0 : lineHeight}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.legend}>
        <span className={styles.legendRings}>{t('ringsLegend')}</span>
        <ul className={styles.legendList} aria-label={t('legendTitle')}>
          {NETWORK_KINDS.map((k) => (
            <li key={k} className={styles.legendItem}>
              <svg width="44" height="12" aria-hidden="true" focusable="false">
                <line
                  x1="2"
                  y1="6"
                  x2="42"
                  y2="6"
                  stroke={KIND_STYLE[k].color}
                  strokeWidth={KIND_STYLE[k].width * 0.8}
                  strokeDasharray={
                    KIND_STYLE[k].dash
                      ? KIND_STYLE[k].dash
                          .split(' ')
                          .map((n) => Number(n) * 0.6)
                          .join(' ')
                      : ''
                  }
                  strokeLinecap="round"
                />
              </svg>
              {t(`kind.${k}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

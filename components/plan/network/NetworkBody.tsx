'use client';
/**
 * "Netwerk": the people and professionals around the family as an editable list, and the same people drawn as
 * an ecogram. Both read the same live doc, so a person added or moved closer appears in both, for everyone.
 */
import { Button } from '@utrecht/component-library-react';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import * as Y from 'yjs';
import type { SectionBodyProps } from '@/components/editor/section-body';
import { LiveText, MapDateField, MapSelectField, MapStringField, useHousehold } from '../item-fields';
import { useYDeep } from '@/components/live/useY';
import { mapsOf, textOf } from '@/lib/shapes/common';
import { addNetworkPerson, CLOSENESS, NETWORK_KINDS, networkPeople, removeNetworkPerson, type Closeness, type NetworkKind } from '@/lib/shapes/network';
import { Ecogram, KIND_STYLE } from './Ecogram';
import styles from './network.module.css';

const isKind = (v: unknown): v is NetworkKind => typeof v === 'string' && (NETWORK_KINDS as readonly string[]).includes(v);
const isCloseness = (v: unknown): v is Closeness => typeof v === 'number' && (CLOSENESS as readonly number[]).includes(v);

export function NetworkBody({ doc, planId, editable }: SectionBodyProps) {
  const t = useTranslations('network');
  const { household } = useHousehold(planId);
  const array = networkPeople(doc);
  useYDeep(array as unknown as Y.AbstractType<unknown>);
  const id = useId();
  const [draft, setDraft] = useState('');
  // The person this screen just added opens for filling in; everyone else stays folded (short on a phone).
  const [justAdded, setJustAdded] = useState<string | null>(null);
  const items = mapsOf(array).filter((m) => typeof m.get('id') === 'string');
  const forEcogram = items.map((m) => ({
    id: m.get('id') as string,
    name: textOf(m.get('name')),
    kind: isKind(m.get('kind')) ? (m.get('kind') as NetworkKind) : 'anders',
    closeness: isCloseness(m.get('closeness')) ? (m.get('closeness') as Closeness) : 2,
  }));
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.trim()) return;
    setJustAdded(addNetworkPerson(doc, { name: draft.trim() }));
    setDraft('');
  };
  const kindOptions = NETWORK_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }));
  const closenessOptions = CLOSENESS.map((c) => ({ value: c, label: t(`closeness.${c}`) }));
  return (
    <div className={styles.network}>
      <Ecogram householdName={household?.householdName ?? ''} householdPeople={household?.people.map((p) => p.name) ?? []} people={forEcogram} />
      <section className={styles.people} aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`} className={styles.title}>
          {t('listTitle', { count: items.length })}
        </h3>
        {items.length === 0 && <p className={styles.muted}>{t('empty')}</p>}
        <ul className={styles.cards}>
          {items.map((m) => {
            const name = m.get('name');
            const what = m.get('whatTheyDo');
            const contact = m.get('contact');
            const label = textOf(name) || t('unnamed');
            const kind = isKind(m.get('kind')) ? (m.get('kind') as NetworkKind) : 'anders';
            const closeness = isCloseness(m.get('closeness')) ? (m.get('closeness') as Closeness) : 2;
            const relation = typeof m.get('relation') === 'string' ? (m.get('relation') as string) : '';
            return (
              <li key={m.get('id') as string} className={styles.card} data-testid="network-person">
                <details open={m.get('id') === justAdded || undefined}>
                  <summary className={styles.summary} data-testid="network-summary">
                    <span className={styles.summaryName}>{label}</span>
                    {relation && <span className={styles.summaryRelation}>{relation}</span>}
                    <span className={styles.chips}>
                      <span className={styles.chip}>
                        <span className={styles.kindDot} style={{ background: KIND_STYLE[kind].color }} aria-hidden="true" />
                        {t(`kind.${kind}`)}
                      </span>
                      <span className={styles.chip}>{t(`closeness.${closeness}`)}</span>
                    </span>
                  </summary>
                  <div className={styles.cardBody}>
                    <div className={styles.cardGrid}>
                      {name instanceof Y.Text && <LiveText text={name} label={t('name')} editable={editable} maxLength={200} testId="network-name" />}
                      <MapStringField map={m} field="relation" label={t('relation')} editable={editable} testId="network-relation" />
                      <MapSelectField map={m} field="kind" label={t('kindLabel')} editable={editable} options={kindOptions} testId="network-kind" />
                      <MapSelectField
                        map={m}
                        field="closeness"
                        label={t('closenessLabel')}
                        editable={editable}
                        options={closenessOptions}
                        testId="network-closeness"
                      />
                      {contact instanceof Y.Text && <LiveText text={contact} label={t('contact')} editable={editable} maxLength={500} />}
                      <MapDateField map={m} field="lastContact" label={t('lastContact')} editable={editable} />
                    </div>
                    {what instanceof Y.Text && <LiveText text={what} label={t('whatTheyDo')} multiline editable={editable} maxLength={1000} />}
                    {editable && (
                      <Button
                        type="button"
                        appearance="subtle-button"
                        className={styles.remove}
                        onClick={() => removeNetworkPerson(doc, m.get('id') as string)}
                      >
                        {t('remove', { name: label })}
                      </Button>
                    )}
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
        {editable && (
          <form className={styles.addForm} onSubmit={add}>
            <label htmlFor={`${id}-new`} className={styles.addLabel}>
              {t('addLabel')}
            </label>
            <div className={styles.addRow}>
              <input
                id={`${id}-new`}
                className={styles.addInput}
                value={draft}
                maxLength={200}
                onChange={(e) => setDraft(e.target.value)}
                data-testid="network-new"
              />
              <Button type="submit" appearance="secondary-action-button" disabled={!draft.trim()}>
                {t('add')}
              </Button>
            </div>
          </form>
        )}
      </section>
    </div>
  );
}

'use client';
/**
 * "Ons gezin": who belongs to the household (from SQL), what goes well and what worries — each point marked with
 * whose voice it is — then the family's own words and, apart from them, what professionals see. A point can be
 * changed or removed only by its own side, so the family's words stay the family's.
 */
import { useTranslations } from 'next-intl';
import { RichTextBody } from '@/components/editor/RichTextBody';
import type { SectionBodyProps } from '@/components/editor/section-body';
import { ageInYears } from '@/lib/age';
import { ASSESSMENT_FIELD } from '@/lib/shapes/family';
import { useHousehold } from '../item-fields';
import styles from './family.module.css';
import { StatementList } from './StatementList';

export function FamilyBody(props: SectionBodyProps) {
  const t = useTranslations('family');
  const { household, failed } = useHousehold(props.planId);
  const today = new Date();
  const side = household?.viewer.side ?? null;
  return (
    <div className={styles.family}>
      <section className={styles.household} aria-labelledby="family-household">
        <h3 id="family-household" className={styles.blockTitle}>
          {t('household')}
        </h3>
        {household ? (
          <ul className={styles.people} data-testid="household-people">
            {household.people.map((p) => (
              <li key={p.id} className={styles.person}>
                <span className={styles.personName}>{p.name}</span>
                <span className={styles.personFacts}>
                  {t(`relation.${p.relation}`)}
                  {p.birthDate && `, ${t('age', { age: ageInYears(p.birthDate, today) })}`}
                  {p.gezag && `, ${t('gezag')}`}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.muted}>{failed ? t('householdFailed') : t('loading')}</p>
        )}
      </section>

      <p className={styles.hint}>{t('legend')}</p>
      <div className={styles.lists}>
        <StatementList doc={props.doc} list="strengths" editable={props.editable} side={side} user={props.user} role={household?.viewer.role ?? null} />
        <StatementList doc={props.doc} list="worries" editable={props.editable} side={side} user={props.user} role={household?.viewer.role ?? null} />
      </div>

      <section className={`${styles.voice} ${styles.familyVoice}`} aria-labelledby="family-own-words" data-testid="family-own-words">
        <h3 id="family-own-words" className={styles.blockTitle}>
          <span className={styles.badgeFamily}>{t('byFamily')}</span> {t('ownWords')}
        </h3>
        <p className={styles.hint}>{t('ownWordsHint')}</p>
        <RichTextBody {...props} label={t('ownWords')} />
      </section>

      <section className={`${styles.voice} ${styles.proVoice}`} aria-labelledby="family-assessment" data-testid="family-assessment">
        <h3 id="family-assessment" className={styles.blockTitle}>
          <span className={styles.badgePro}>{t('byProfessional')}</span> {t('assessment')}
        </h3>
        <p className={styles.hint}>{t('assessmentHint')}</p>
        <RichTextBody
          {...props}
          field={ASSESSMENT_FIELD}
          withCaret={false}
          withComments={false}
          editable={props.editable && side === 'professional'}
          label={t('assessment')}
        />
      </section>
    </div>
  );
}

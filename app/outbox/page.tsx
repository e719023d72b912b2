import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { serviceContext } from '@/server/context';
import { outboxMails } from '@/server/pages/demo';
import styles from './outbox.module.css';

export const dynamic = 'force-dynamic';

/** The local outbox: sign-in links and invitations written while no SMTP server is set. Demo mode only. */
export default async function OutboxPage() {
  const mails = await outboxMails(serviceContext(), { limit: 30 });
  if (!mails) notFound();
  const t = await getTranslations('outbox');
  const format = await getFormatter();
  return (
    <section>
      <Heading level={1}>{t('title')}</Heading>
      <Paragraph>{t('intro')}</Paragraph>
      {mails.length === 0 ? (
        <Paragraph>{t('empty')}</Paragraph>
      ) : (
        <ul className={styles.list}>
          {mails.map((m) => (
            <li key={m.id} className={styles.mail} data-testid="outbox-mail">
              <Paragraph>
                <strong>{m.subject}</strong>
                <br />
                {t('to')}: {m.to} · {format.dateTime(m.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
              </Paragraph>
              {m.url && (
                <Paragraph>
                  <Link href={m.url}>{t('open')}</Link>
                </Paragraph>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

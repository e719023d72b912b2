'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import styles from './editor.module.css';

interface Person {
  id: string;
  name: string;
  color: string;
}

/** Who is here: everyone with this section open, once per person (several tabs count once). */
export function PresenceList({ provider, selfId }: { provider: WebsocketProvider | null; selfId: string }) {
  const t = useTranslations('presence');
  const [people, setPeople] = useState<Person[]>([]);

  useEffect(() => {
    if (!provider) return;
    const awareness = provider.awareness;
    const update = () => {
      const byId = new Map<string, Person>();
      for (const state of awareness.getStates().values()) {
        const user = (state as { user?: { id?: string; name?: string; color?: string } }).user;
        if (user?.id && user.name) byId.set(user.id, { id: user.id, name: user.name, color: user.color ?? '#1f4e79' });
      }
      setPeople([...byId.values()].sort((a, b) => (a.id === selfId ? -1 : b.id === selfId ? 1 : a.name.localeCompare(b.name))));
    };
    awareness.on('change', update);
    update();
    return () => awareness.off('change', update);
  }, [provider, selfId]);

  const others = people.filter((p) => p.id !== selfId);
  return (
    <div className={styles.presence} aria-label={t('title')} data-testid="presence">
      <span className={styles.presenceTitle}>{t('title')}:</span>
      {others.length === 0 && <span className={styles.muted}>{t('alone')}</span>}
      <ul className={styles.presenceList}>
        {others.map((p) => (
          <li key={p.id} className={styles.person} data-testid="presence-person">
            <span className={styles.avatar} style={{ background: p.color }} aria-hidden="true">
              {p.name.slice(0, 1)}
            </span>
            {p.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

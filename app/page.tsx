import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/session';

export const dynamic = 'force-dynamic';

/** The front door: your plans when signed in, sign-in otherwise. */
export default async function Home() {
  redirect((await currentUser()) ? '/plannen' : '/inloggen');
}

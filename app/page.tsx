import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/session';
import { serviceContext } from '@/server/context';
import { homePathOf } from '@/server/dashboard/overzicht';

export const dynamic = 'force-dynamic';

/**
 * The front door, and where every sign-in lands: professionals on their overzicht, the region's roles (gemeente,
 * beheerder) on the region's figures, families and their network on "Mijn plannen"; sign-in otherwise.
 */
export default async function Home() {
  const user = await currentUser();
  redirect(user ? await homePathOf(serviceContext(), { userId: user.id }) : '/inloggen');
}

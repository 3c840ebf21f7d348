import type { Transaction } from 'kysely';
import type { CommunityRole, DB } from '../platform/db/schema.ts';
import { newId } from '../platform/db/ids.ts';
import type { Kernel } from '../platform/kernel.ts';
import { createCredentialUser } from '../modules/identity/commands/create-credential-user.ts';
import { pseudonymKey } from '../modules/members/pseudonym.ts';
import { seedDemoResearch } from './seed-demo-research.ts';
import { seedDemoSupport } from './seed-demo-support.ts';

/** The password of every demo account (documented in the README). */
export const DEMO_PASSWORD = 'cercle-demo-2026';

const PEOPLE: { name: string; email: string; pseudonym: string; role: CommunityRole; bio: string }[] = [
  {
    name: 'Claire Dumas',
    email: 'claire.dumas@veloce.example',
    pseudonym: 'Claire_Veloce',
    role: 'admin',
    bio: 'Responsable communauté chez Véloce.',
  },
  {
    name: 'Sophie Marchand',
    email: 'sophie.marchand@veloce.example',
    pseudonym: 'Sophie.Animatrice',
    role: 'moderator',
    bio: 'Animatrice de la communauté, je réponds du lundi au vendredi.',
  },
  {
    name: 'Julien Perrin',
    email: 'julien.perrin@veloce.example',
    pseudonym: 'Julien_Marketing',
    role: 'observer',
    bio: 'Équipe marketing produit.',
  },
  {
    name: 'Luc Fontaine',
    email: 'luc.fontaine@example.fr',
    pseudonym: 'MecanoLuc',
    role: 'expert',
    bio: 'Mécanicien cycle depuis 20 ans, fan de la V-Urbaine.',
  },
  {
    name: 'Camille Robert',
    email: 'camille.robert@example.fr',
    pseudonym: 'CamilleAVelo',
    role: 'member',
    bio: 'Vélotaf quotidien à Lyon, 12 km aller.',
  },
  {
    name: 'Thomas Girard',
    email: 'thomas.girard@example.fr',
    pseudonym: 'PedaleDouce',
    role: 'member',
    bio: 'Balades du dimanche en famille.',
  },
  {
    name: 'Inès Benali',
    email: 'ines.benali@example.fr',
    pseudonym: 'Ines_B',
    role: 'member',
    bio: 'Cargo électrique pour deux enfants.',
  },
  {
    name: 'Marc Lefèvre',
    email: 'marc.lefevre@example.fr',
    pseudonym: 'Marc.Randonneur',
    role: 'member',
    bio: 'Voyages à vélo, 3 000 km par an.',
  },
  {
    name: 'Élodie Caron',
    email: 'elodie.caron@example.fr',
    pseudonym: 'Élodie_Cyclo',
    role: 'member',
    bio: 'Nouvelle propriétaire d’une V-Trek.',
  },
  {
    name: 'Hugo Martin',
    email: 'hugo.martin@example.fr',
    pseudonym: 'HugoGravel',
    role: 'member',
    bio: 'Gravel le week-end, batterie toujours à plat.',
  },
  {
    name: 'Nadia Rousseau',
    email: 'nadia.rousseau@example.fr',
    pseudonym: 'NadiaR',
    role: 'member',
    bio: 'Première fois sur un vélo électrique.',
  },
  {
    name: 'Pierre Moreau',
    email: 'pierre.moreau@example.fr',
    pseudonym: 'Pierrot_Lille',
    role: 'member',
    bio: 'Trajets domicile-travail sous la pluie du Nord.',
  },
];

/**
 * Creates the French demo community "Véloce" (an e-bike brand) with staff and members under pseudonyms,
 * its support boards, and its research (a survey, a stimulus test and a poll, answered).
 * Idempotent: a second run changes nothing.
 */
export async function seedDemo(kernel: Kernel): Promise<string> {
  const existing = await kernel.db
    .selectFrom('communities')
    .select('id')
    .where('slug', '=', 'veloce')
    .executeTakeFirst();
  if (existing) return 'The demo community "veloce" already exists; nothing changed.';
  // One transaction: a failed seed leaves nothing behind, so running it again starts over.
  await kernel.db.transaction().execute((trx) => insertDemo(kernel, trx));
  return `Demo community "Communauté Véloce" created at /c/veloce with ${PEOPLE.length} members (password: ${DEMO_PASSWORD}; staff: claire.dumas@veloce.example).`;
}

async function insertDemo(kernel: Kernel, db: Transaction<DB>): Promise<void> {
  const communityId = newId();
  await db
    .insertInto('communities')
    .values({
      id: communityId,
      slug: 'veloce',
      name: 'Communauté Véloce',
      description:
        'La communauté des cyclistes Véloce : posez vos questions sur votre vélo électrique, partagez vos sorties, proposez vos idées et testez nos futurs modèles.',
      default_locale: 'fr',
      visibility: 'public',
      join_policy: 'open',
      member_cap: 400,
      primary_color: '#0b6e4f',
      accent_color: '#f4a259',
    })
    .execute();
  let index = 0;
  const members = new Map<string, string>();
  for (const person of PEOPLE) {
    const found = await db
      .selectFrom('auth_user')
      .select('id')
      .where('email', '=', person.email)
      .executeTakeFirst();
    const userId =
      found?.id ??
      (await createCredentialUser(kernel, { ...person, password: DEMO_PASSWORD, locale: 'fr' }, db));
    const membershipId = newId();
    members.set(person.pseudonym, membershipId);
    await db
      .insertInto('memberships')
      .values({
        id: membershipId,
        community_id: communityId,
        user_id: userId,
        pseudonym: person.pseudonym,
        pseudonym_key: pseudonymKey(person.pseudonym),
        role: person.role,
        status: 'active',
        bio: person.bio,
        joined_at: new Date(Date.now() - (PEOPLE.length - index) * 86_400_000 * 9),
      })
      .execute();
    index++;
  }
  await seedDemoSupport(db, communityId, members);
  const respondents = PEOPLE.filter((p) => p.role === 'member' || p.role === 'expert').map((p) =>
    members.get(p.pseudonym)!,
  );
  await seedDemoResearch(kernel, db, communityId, respondents);
}

import type { Transaction } from 'kysely';
import { newId } from '../platform/db/ids.ts';
import type { DB } from '../platform/db/schema.ts';
import { renderMarkdown } from '../platform/text/markdown.ts';

interface DemoReply {
  by: string;
  body: string;
  solution?: boolean;
}
interface DemoTopic {
  board: string;
  by: string;
  kind: 'question' | 'discussion';
  title: string;
  body: string;
  replies: DemoReply[];
  daysAgo: number;
  tags: string[];
  /** A question nobody answered that became a support case (opened by the escalation sweep). */
  escalated?: boolean;
}

const BOARDS = [
  {
    slug: 'entraide',
    title: 'Entraide technique',
    kind: 'questions',
    description: 'Batterie, moteur, freins, application : posez vos questions, la communauté répond.',
  },
  {
    slug: 'sorties',
    title: 'Balades et sorties',
    kind: 'discussions',
    description: 'Partagez vos itinéraires, vos photos et vos conseils de parcours.',
  },
  {
    slug: 'annonces',
    title: 'Annonces Véloce',
    kind: 'announcements',
    description: 'Les nouvelles de l’équipe Véloce.',
  },
] as const;

const TOPICS: DemoTopic[] = [
  {
    board: 'entraide',
    by: 'CamilleAVelo',
    kind: 'question',
    daysAgo: 20,
    tags: ['batterie', 'hiver'],
    title: 'Autonomie de la batterie divisée par deux en hiver ?',
    body: 'Depuis les premières gelées, ma V-Urbaine ne fait plus que **25 km** au lieu de 50. Est-ce normal ou la batterie est-elle défectueuse ?',
    replies: [
      {
        by: 'MecanoLuc',
        solution: true,
        body: 'C’est normal : sous 5 °C la chimie lithium-ion perd 20 à 40 % de capacité.\n\n- Stockez la batterie **à l’intérieur** et installez-la juste avant de partir.\n- Roulez en mode *Éco* les premiers kilomètres.\n- Une housse néoprène aide beaucoup.',
      },
      { by: 'Pierrot_Lille', body: 'Même constat à Lille. Avec la housse je suis remonté à 38 km.' },
    ],
  },
  {
    board: 'entraide',
    by: 'Élodie_Cyclo',
    kind: 'question',
    daysAgo: 12,
    tags: ['moteur', 'firmware'],
    title: 'Le moteur se coupe dans les montées raides',
    body: 'Sur ma V-Trek toute neuve, l’assistance s’arrête net au milieu des côtes à plus de 10 %. L’écran affiche E-07.',
    replies: [
      {
        by: 'Sophie.Animatrice',
        solution: true,
        body: 'Bonjour Élodie, le code **E-07** signale une surchauffe du contrôleur. Une mise à jour du firmware corrige ce seuil : ouvrez l’application Véloce > Vélo > Mises à jour. Dites-nous si cela règle le souci !',
      },
      { by: 'HugoGravel', body: 'J’avais la même chose, la mise à jour 2.4 a tout réglé.' },
      { by: 'Élodie_Cyclo', body: 'Mise à jour faite, plus aucune coupure. Merci !' },
    ],
  },
  {
    board: 'entraide',
    by: 'NadiaR',
    kind: 'question',
    daysAgo: 3,
    tags: ['pneus', 'cargo'],
    title: 'Quelle pression pour les pneus d’un vélo cargo chargé ?',
    body: 'Je transporte deux enfants (35 kg au total) sur mon cargo. Quelle pression conseillez-vous à l’avant et à l’arrière ?',
    replies: [
      {
        by: 'Ines_B',
        body: 'Je roule à 3,5 bars à l’arrière et 3 à l’avant avec un chargement similaire, mais vérifiez le flanc de vos pneus.',
      },
    ],
  },
  {
    board: 'entraide',
    by: 'Marc.Randonneur',
    kind: 'question',
    daysAgo: 4,
    tags: ['accessoires'],
    escalated: true,
    title: 'Peut-on monter un porte-bagages arrière sur la V-Urbaine ?',
    body: 'Je prépare un voyage de 10 jours. Les œillets du cadre acceptent-ils un porte-bagages standard ?',
    replies: [],
  },
  {
    board: 'entraide',
    by: 'HugoGravel',
    kind: 'question',
    daysAgo: 9,
    tags: ['ecran', 'application'],
    title: 'L’écran reste noir au démarrage',
    body: 'Depuis hier, l’écran de ma V-Trek reste noir quand j’appuie sur le bouton, alors que la batterie est chargée. Une idée ?',
    replies: [
      {
        by: 'MecanoLuc',
        solution: true,
        body: 'Vérifiez le connecteur sous le guidon : il se débranche parfois après un choc. Rebranchez-le batterie retirée, puis maintenez le bouton **10 secondes** pour réinitialiser l’écran.',
      },
      { by: 'HugoGravel', body: 'C’était bien le connecteur. Merci Luc !' },
    ],
  },
  {
    board: 'sorties',
    by: 'PedaleDouce',
    kind: 'discussion',
    daysAgo: 8,
    tags: ['itineraire', 'famille'],
    title: 'La Loire à vélo en famille : nos étapes de 40 km',
    body: 'Retour d’expérience sur 5 jours entre Orléans et Tours, avec recharge chaque soir au gîte. Je partage volontiers la trace GPX !',
    replies: [
      {
        by: 'Marc.Randonneur',
        body: 'Super idée de limiter les étapes à 40 km, c’est le bon rythme avec des enfants.',
      },
      { by: 'CamilleAVelo', body: 'Tu peux partager la trace ? Nous partons en juin.' },
    ],
  },
  {
    board: 'annonces',
    by: 'Claire_Veloce',
    kind: 'discussion',
    daysAgo: 15,
    tags: [],
    title: 'Bienvenue dans la communauté Véloce !',
    body: 'Cette communauté est la vôtre : entraidez-vous, partagez vos sorties et aidez-nous à concevoir les prochains modèles. Merci d’être là !',
    replies: [],
  },
];

/**
 * Adds the demo boards and French questions (tagged), answers and solutions to the demo community, and
 * a support case for the question nobody answered.
 */
export async function seedDemoSupport(
  db: Transaction<DB>,
  communityId: string,
  members: Map<string, string>,
): Promise<number> {
  const boards = new Map<string, string>();
  let position = 0;
  for (const board of BOARDS) {
    const id = newId();
    boards.set(board.slug, id);
    await db
      .insertInto('boards')
      .values({
        id,
        community_id: communityId,
        slug: board.slug,
        title: board.title,
        description: board.description,
        kind: board.kind,
        position: position++,
        posting: board.kind === 'announcements' ? 'staff' : 'members',
      })
      .execute();
  }
  for (const topic of TOPICS) {
    const topicId = newId();
    const at = (days: number) => new Date(Date.now() - days * 86_400_000);
    const solved = topic.replies.some((r) => r.solution);
    const lastDays = topic.replies.length > 0 ? topic.daysAgo - topic.replies.length * 0.2 : topic.daysAgo;
    await db
      .insertInto('topics')
      .values({
        id: topicId,
        community_id: communityId,
        board_id: boards.get(topic.board)!,
        author_id: members.get(topic.by)!,
        kind: topic.kind,
        title: topic.title,
        body: topic.body,
        body_html: renderMarkdown(topic.body),
        solved,
        replies_count: topic.replies.length,
        created_at: at(topic.daysAgo),
        last_activity_at: at(lastDays),
      })
      .execute();
    for (const [position, tag] of topic.tags.entries()) {
      await db
        .insertInto('topic_tags')
        .values({ community_id: communityId, topic_id: topicId, tag, position })
        .execute();
    }
    if (topic.escalated) {
      const caseId = newId();
      const openedAt = at(topic.daysAgo - 2);
      await db
        .insertInto('cases')
        .values({
          id: caseId,
          community_id: communityId,
          topic_id: topicId,
          opened_by: 'auto',
          opened_at: openedAt,
          updated_at: openedAt,
        })
        .execute();
      await db
        .insertInto('case_history')
        .values({
          id: newId(),
          community_id: communityId,
          case_id: caseId,
          actor_id: null,
          kind: 'opened',
          to_value: 'new',
          created_at: openedAt,
        })
        .execute();
    }
    let index = 0;
    for (const reply of topic.replies) {
      index++;
      await db
        .insertInto('replies')
        .values({
          id: newId(),
          community_id: communityId,
          topic_id: topicId,
          author_id: members.get(reply.by)!,
          in_reply_to_id: null,
          body: reply.body,
          body_html: renderMarkdown(reply.body),
          is_solution: !!reply.solution,
          created_at: at(topic.daysAgo - index * 0.2),
        })
        .execute();
    }
  }
  return TOPICS.length;
}

import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { newId } from '../platform/db/ids.ts';
import type { Kernel } from '../platform/kernel.ts';
import { uploadStore } from '../platform/storage/local-store.ts';
import { sentimentScorer } from '../platform/text/sentiment.ts';
import type { SurveyDefinitionInput } from '../modules/research/survey-definition.ts';

const WIDTH = 320;
const HEIGHT = 200;

/** One PNG chunk: length, type, data, CRC-32 of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/**
 * A small packshot drawn in code (no file from elsewhere): a 320×200 RGB PNG of a bicycle battery pack on a
 * light background, a dark body, a green brand band and a white charge indicator.
 */
export function demoPackshot(): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < HEIGHT; y++) {
    const row = Buffer.alloc(1 + WIDTH * 3);
    for (let x = 0; x < WIDTH; x++) {
      let rgb = [236, 240, 236];
      const inBody = x >= 60 && x < 260 && y >= 40 && y < 170;
      if (inBody) rgb = [38, 50, 56];
      if (inBody && y >= 70 && y < 95) rgb = [11, 110, 79];
      if (x >= 200 && x < 240 && y >= 120 && y < 150) rgb = [250, 250, 250];
      if (x >= 140 && x < 180 && y >= 28 && y < 40) rgb = [90, 90, 90];
      row.set(rgb, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const SATISFACTION: SurveyDefinitionInput = {
  pages: [
    {
      id: 'usage',
      title: 'Votre usage',
      questions: [
        {
          id: 'frequence',
          type: 'single',
          title: 'À quelle fréquence roulez-vous avec votre vélo Véloce ?',
          required: true,
          options: [
            { id: 'quotidien', label: 'Tous les jours' },
            { id: 'semaine', label: 'Plusieurs fois par semaine' },
            { id: 'weekend', label: 'Le week-end' },
            { id: 'rarement', label: 'Rarement' },
          ],
        },
        {
          id: 'usages',
          type: 'multiple',
          title: 'Pour quels trajets ?',
          required: false,
          options: [
            { id: 'travail', label: 'Domicile-travail' },
            { id: 'courses', label: 'Courses' },
            { id: 'enfants', label: 'Enfants' },
            { id: 'loisirs', label: 'Loisirs' },
          ],
        },
      ],
    },
    {
      id: 'avis',
      title: 'Votre avis',
      questions: [
        { id: 'nps', type: 'nps', title: 'Recommanderiez-vous Véloce à un proche ?', required: true },
        {
          id: 'autonomie',
          type: 'scale',
          title: 'Êtes-vous satisfait de l’autonomie de la batterie ?',
          required: true,
          min: 1,
          max: 5,
          minLabel: 'Pas du tout',
          maxLabel: 'Tout à fait',
        },
        { id: 'commentaire', type: 'text', title: 'Que devrions-nous améliorer ?', required: false },
      ],
    },
  ],
};

type Answer = {
  frequence: string;
  usages: string[];
  nps: number;
  autonomie: number;
  commentaire?: string;
};
const SATISFACTION_ANSWERS: Answer[] = [
  {
    frequence: 'quotidien',
    usages: ['travail'],
    nps: 9,
    autonomie: 4,
    commentaire: 'Super vélo, très agréable et fiable au quotidien.',
  },
  {
    frequence: 'semaine',
    usages: ['courses', 'loisirs'],
    nps: 7,
    autonomie: 3,
    commentaire: 'La batterie se vide trop vite en hiver, c’est décevant.',
  },
  {
    frequence: 'quotidien',
    usages: ['enfants', 'travail'],
    nps: 10,
    autonomie: 5,
    commentaire: 'Parfait pour emmener les enfants, j’adore.',
  },
  {
    frequence: 'weekend',
    usages: ['loisirs'],
    nps: 6,
    autonomie: 2,
    commentaire: 'Le service après-vente est lent et le chargeur a lâché.',
  },
  { frequence: 'semaine', usages: ['travail', 'courses'], nps: 8, autonomie: 4 },
  {
    frequence: 'rarement',
    usages: ['loisirs'],
    nps: 5,
    autonomie: 3,
    commentaire: 'Trop lourd à porter dans les escaliers.',
  },
  {
    frequence: 'quotidien',
    usages: ['travail'],
    nps: 9,
    autonomie: 4,
    commentaire: 'Très bon rapport qualité prix, merci !',
  },
];

const packTest = (image: string): SurveyDefinitionInput => ({
  pages: [
    {
      id: 'pack',
      questions: [
        {
          id: 'zones',
          type: 'hotspot',
          title: 'Cliquez là où la nouvelle batterie vous plaît ou vous déplaît',
          required: true,
          max: 3,
          stimulus: { mediaId: image, caption: 'Nouvelle batterie V-Power, vue de face' },
        },
        {
          id: 'attrait',
          type: 'scale',
          title: 'Ce design vous plaît-il ?',
          required: true,
          min: 1,
          max: 5,
          stimulus: { mediaId: image },
        },
        {
          id: 'version',
          type: 'preference',
          title: 'Quelle version préférez-vous ?',
          required: true,
          options: [
            { id: 'a', label: 'Bandeau vert', mediaId: image },
            { id: 'b', label: 'Bandeau gris', mediaId: image },
          ],
        },
      ],
    },
  ],
});
const PACK_ANSWERS = [
  {
    zones: [
      { x: 0.5, y: 0.41, kind: 'like', comment: 'Le bandeau vert est élégant' },
      { x: 0.68, y: 0.67, kind: 'dislike' },
    ],
    attrait: 4,
    version: { choice: 'a', why: 'Plus moderne et lisible' },
  },
  { zones: [{ x: 0.47, y: 0.42, kind: 'like' }], attrait: 5, version: { choice: 'a' } },
  {
    zones: [{ x: 0.69, y: 0.66, kind: 'dislike', comment: 'Le voyant est trop petit' }],
    attrait: 3,
    version: { choice: 'b', why: 'Plus discret sur le cadre' },
  },
  {
    zones: [
      { x: 0.52, y: 0.2, kind: 'like' },
      { x: 0.3, y: 0.6, kind: 'like' },
    ],
    attrait: 4,
    version: { choice: 'a' },
  },
];

const POLL: SurveyDefinitionInput = {
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'couleur',
          type: 'single',
          title: 'Quelle couleur pour la V-Urbaine 2027 ?',
          required: true,
          options: [
            { id: 'vert', label: 'Vert sapin' },
            { id: 'sable', label: 'Sable' },
            { id: 'noir', label: 'Noir mat' },
          ],
        },
      ],
    },
  ],
};
const POLL_VOTES = ['vert', 'noir', 'vert', 'sable', 'vert', 'noir', 'vert', 'sable'];

/**
 * Adds the demo community's research: a satisfaction survey in French (choices, NPS, a scale, open
 * answers with their sentiment) with seven completed responses, a stimulus test of a new battery (an
 * image drawn in code: a hotspot, a rating, a preference) with four, and a poll with eight votes. Members
 * answer in turn from `respondents`. Call inside the demo seed's transaction (the image file is written
 * first; a failed seed leaves at most that file, which the media sweep never sees: it has no row).
 */
export async function seedDemoResearch(
  kernel: Kernel,
  db: Transaction<DB>,
  communityId: string,
  respondents: string[],
): Promise<void> {
  const png = demoPackshot();
  const imageId = newId();
  await uploadStore(kernel).put(imageId, png);
  await db
    .insertInto('survey_media')
    .values({
      id: imageId,
      community_id: communityId,
      uploader_id: null,
      kind: 'image',
      content_type: 'image/png',
      bytes: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
      width: WIDTH,
      height: HEIGHT,
      alt: 'Batterie V-Power : boîtier sombre, bandeau vert, voyant de charge blanc',
    })
    .execute();
  const survey = async (
    kind: 'survey' | 'poll',
    title: string,
    description: string,
    definition: SurveyDefinitionInput,
    answers: object[],
  ) => {
    const surveyId = newId();
    await db
      .insertInto('surveys')
      .values({
        id: surveyId,
        community_id: communityId,
        kind,
        title,
        description,
        definition: JSON.stringify(definition),
        published: true,
        points: kind === 'poll' ? 0 : 20,
        results_visibility: kind === 'poll' ? 'after_vote' : 'staff',
      })
      .execute();
    for (const [i, given] of answers.entries()) {
      const sentiments: Record<string, number> = {};
      for (const [id, value] of Object.entries(given) as [string, unknown][]) {
        const text =
          id === 'commentaire' ? value : id === 'version' ? (value as { why?: unknown }).why : null;
        if (typeof text === 'string') sentiments[id] = (await sentimentScorer().score(text, 'fr')).score;
      }
      const started = new Date(Date.now() - (answers.length - i) * 3_600_000);
      await db
        .insertInto('survey_responses')
        .values({
          id: newId(),
          community_id: communityId,
          survey_id: surveyId,
          member_id: respondents[i % respondents.length],
          status: 'completed',
          answers: JSON.stringify(given),
          sentiments: JSON.stringify(sentiments),
          page_index: definition.pages.length,
          locale: 'fr',
          started_at: started,
          completed_at: new Date(started.getTime() + 90_000 + i * 20_000),
          duration_ms: 90_000 + i * 20_000,
        })
        .execute();
    }
  };
  await survey(
    'survey',
    'Votre vélo Véloce au quotidien',
    'Cinq minutes pour nous dire comment vous utilisez votre vélo et ce que nous devons améliorer.',
    SATISFACTION,
    SATISFACTION_ANSWERS,
  );
  await survey(
    'survey',
    'Test : la nouvelle batterie V-Power',
    'Regardez la nouvelle batterie, dites-nous ce qui vous plaît et choisissez votre version.',
    packTest(imageId),
    PACK_ANSWERS,
  );
  await survey(
    'poll',
    'Sondage : la couleur de la V-Urbaine 2027',
    '',
    POLL,
    POLL_VOTES.map((couleur) => ({ couleur })),
  );
}

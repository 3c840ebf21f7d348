import type { researchEn } from './research.en.ts';

/** Messages français du panel : attributs de profil, segments, enquêtes, sondages et résultats. */
export const researchFr: Record<keyof typeof researchEn, string> = {
  'research.error.duplicateOption': 'Chaque choix doit avoir sa propre valeur.',
  'research.error.keyTaken': 'Un autre attribut utilise déjà cette clé.',
  'research.error.segmentNameTaken': 'Un autre segment porte déjà ce nom.',
  'research.error.alreadySubmitted': 'Vous avez déjà répondu à cette enquête.',
  'research.error.closed': 'Cette enquête est close.',
  'research.error.notOpen': 'Cette enquête n’est pas encore ouverte.',
  'research.error.nothingAnswered': 'Répondez aux questions avant d’envoyer.',
  'research.error.answeredDefinition':
    'Des personnes ont commencé à répondre : les questions ne peuvent plus changer.',
  'research.validation.date': 'Saisissez une date au format AAAA-MM-JJ.',
  'research.validation.attributeKey':
    'Lettres minuscules, chiffres et tirets bas, en commençant par une lettre.',
  'research.validation.key': 'Lettres, chiffres, tirets et tirets bas uniquement.',
  'research.validation.optionsNeeded': 'Ajoutez les choix que propose cette question.',
  'research.validation.duplicateId': 'Chaque identifiant doit être unique.',
  'research.validation.imageNeeded': 'Chaque choix d’une question à images demande une image.',
  'research.validation.scaleRange': 'Une échelle va de 0 ou plus à 10 au plus, avec au moins deux points.',
  'research.validation.bounds':
    'Le maximum ne peut être ni inférieur au minimum ni supérieur au nombre de choix.',
  'research.validation.earlierQuestion': 'Indiquez une question posée avant celle-ci.',
  'research.validation.forwardOnly': 'Ne sautez qu’à une page suivante ou à la fin.',
  'research.validation.pollShape': 'Un sondage a exactement une question à choix unique ou multiple.',
  'research.validation.pollOnly': 'Seuls les sondages montrent leurs résultats aux répondants.',
  'research.validation.closesBeforeOpens': 'La date de clôture doit suivre la date d’ouverture.',
  'research.validation.tooFewChoices': 'Choisissez-en au moins {{limit}}.',
  'research.validation.tooManyChoices': 'Choisissez-en au plus {{limit}}.',
  'research.validation.outOfRange': 'Choisissez une valeur de {{min}} à {{max}}.',
  'research.validation.rankAll': 'Classez chaque choix, une fois chacun.',
  'research.validation.everyRow': 'Répondez à chaque ligne.',
  'research.validation.hiddenAnswered': 'Cette question n’est pas posée avec vos réponses précédentes.',
  'research.validation.pageOutOfPath': 'Cette page ne fait pas encore partie de votre enquête.',
  'research.validation.fileType': 'Envoyez une image PNG, JPEG, GIF ou WebP.',
};

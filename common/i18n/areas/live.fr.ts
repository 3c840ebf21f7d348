import type { liveEn } from './live.en.ts';

/** French messages of the live-sessions area (focus groups). */
export const liveFr: Record<keyof typeof liveEn, string> = {
  'live.error.notStaff': 'Choisissez un membre de l’équipe de la communauté pour ce rôle.',
  'live.error.bothRoles': 'Une même personne ne peut être à la fois modératrice et observatrice.',
  'live.error.closed': 'Cette session est terminée ou a été annulée.',
  'live.error.alreadyLive': 'Une session commencée ne peut être annulée : terminez-la.',
  'live.error.onlyQuestions': 'Seules les questions ont un type de question ou des réponses à l’aveugle.',
  'live.error.twoOptions': 'Une question à choix demande au moins deux options.',
  'live.error.noOptions': 'Seules les questions à choix ont des options.',
  'live.error.itemSent':
    'Cet élément a déjà été envoyé ou passé : il peut changer de place, plus de contenu.',
  'live.error.itemSentRemoved': 'Les éléments déjà envoyés ou passés ne peuvent être retirés du guide.',
  'live.error.notMember': 'Choisissez un membre actif de la communauté.',
  'live.error.isStaff': 'Ce membre fait partie de l’équipe de la session et ne peut y participer.',
  'live.error.tooManyInvited': 'Au plus {{limit}} invitations pour cette session (deux fois sa capacité).',
  'live.mail.invitation.subject': 'Vous êtes invité·e à une session en direct : {{title}}',
  'live.mail.invitation.body':
    'Vous êtes invité·e à participer à « {{title}} », une discussion en direct le {{when}}.\n\nAcceptez ou déclinez ici : {{url}}\nAjoutez-la à votre agenda : {{ics}}',
  'live.mail.reminder.subject': 'Rappel : {{title}} commence bientôt',
  'live.mail.reminder.body':
    'La session en direct « {{title}} » commence le {{when}}. La salle d’attente ouvre quelques minutes avant.\n\nRejoignez-la ici : {{url}}',
};

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
  'live.error.answered': 'Vous avez déjà répondu à cette question ; répondez à une réponse pour compléter.',
  'live.error.badChoice':
    'Choisissez parmi les réponses proposées (une seule, sauf si plusieurs sont permises).',
  'live.error.decided': 'Cette suggestion a déjà été approuvée ou refusée.',
  'live.error.full': 'La salle est pleine : sa capacité est atteinte.',
  'live.error.itemNotQueued': 'Cet élément du guide a déjà été envoyé ou passé.',
  'live.error.needsMembership': 'Seuls les membres de la communauté écrivent dans la salle d’observation.',
  'live.error.notAdmitted': 'Vous n’êtes pas encore dans la salle : attendez que l’animateur vous admette.',
  'live.error.notBlind': 'Seule une question à l’aveugle envoyée et pas encore dévoilée peut être dévoilée.',
  'live.error.notChoice': 'Seules les questions à choix et de notation ont un décompte.',
  'live.error.notCurrent': 'Cette question n’est pas ouverte aux réponses.',
  'live.error.notDeletable': 'Seuls les messages et les réponses peuvent être supprimés, une fois.',
  'live.error.notParticipant': 'Choisissez un participant de cette session.',
  'live.error.notRunning': 'La session n’est pas en cours.',
  'live.error.notWaiting': 'Une personne choisie n’attend plus dans la salle d’attente.',
  'live.error.noteNotSent': 'Une note pour soi n’est jamais envoyée dans la salle.',
  'live.error.rateLimited': 'Vous écrivez trop vite : patientez quelques secondes.',
  'live.error.tooLong': '{{max}} caractères au plus.',
  'live.error.unknownEntry': 'Ce message n’existe pas.',
  'live.error.wrongAttendance': 'L’état de ce participant ne le permet pas.',
  'live.mail.invitation.subject': 'Vous êtes invité·e à une session en direct : {{title}}',
  'live.mail.invitation.body':
    'Vous êtes invité·e à participer à « {{title}} », une discussion en direct le {{when}}.\n\nAcceptez ou déclinez ici : {{url}}\nAjoutez-la à votre agenda : {{ics}}',
  'live.mail.reminder.subject': 'Rappel : {{title}} commence bientôt',
  'live.mail.reminder.body':
    'La session en direct « {{title}} » commence le {{when}}. La salle d’attente ouvre quelques minutes avant.\n\nRejoignez-la ici : {{url}}',
};

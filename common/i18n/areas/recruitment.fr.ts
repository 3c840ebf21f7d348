import type { recruitmentEn } from './recruitment.en.ts';

/** Messages français du recrutement du panel : campagnes, candidatures, parcours, consentements, SMS. */
export const recruitmentFr: Record<keyof typeof recruitmentEn, string> = {
  'recruitment.error.closed': 'Cette campagne ne prend plus de candidatures.',
  'recruitment.error.alreadyApplied': 'Vous avez déjà candidaté à cette communauté.',
  'recruitment.error.invitationUsed': 'Cette invitation a déjà été utilisée.',
  'recruitment.error.invitationExpired':
    'Cette invitation a expiré. Demandez-en une nouvelle à la communauté.',
  'recruitment.error.linkUsed': 'Ce lien a déjà servi ou n’est plus valable.',
  'recruitment.error.notAtThisStep': 'Cette étape n’est pas possible à ce stade de la candidature.',
  'recruitment.error.codeTooSoon':
    'Un code a été envoyé il y a moins d’une minute. Patientez avant d’en redemander un.',
  'recruitment.error.codeExpired':
    'Ce code a expiré ou a été mal saisi trop souvent. Demandez-en un nouveau.',
  'recruitment.error.offerExpired': 'Cette proposition de place a expiré.',
  'recruitment.error.noConsents': 'Vous avez rejoint sans candidater : aucun consentement n’est enregistré.',
  'recruitment.validation.unknownQuestion': 'Indiquez une question du questionnaire de sélection.',
  'recruitment.validation.choiceQuestion': 'Les quotas portent sur des questions à choix unique ou multiple.',
  'recruitment.validation.maxOrShare': 'Donnez soit un nombre maximum, soit une part, pas les deux.',
  'recruitment.validation.attributeKind': 'Le type de cet attribut ne correspond pas à la question.',
  'recruitment.validation.attributeChoices': 'L’attribut doit proposer chacun des choix de la question.',
  'recruitment.validation.phone': 'Saisissez un numéro de téléphone, par ex. 06 12 34 56 78.',
  'recruitment.validation.participation': 'Acceptez les conditions de participation pour candidater.',
  'recruitment.validation.invitation': 'Ce lien d’invitation n’est pas valable.',
  'recruitment.validation.wrongCode': 'Ce code n’est pas celui que nous avons envoyé.',
  'recruitment.validation.code': 'Saisissez les six chiffres du code.',
  'recruitment.validation.callNote':
    'Indiquez comment le téléphone a été vérifié (une note est obligatoire).',
  'recruitment.validation.tooManyRows': 'Envoyez au plus {{limit}} lignes à la fois.',
  'recruitment.validation.column': 'Le fichier n’a pas de colonne « {{column}} ».',
  'recruitment.import.badEmail': 'Adresse e-mail absente ou invalide.',
  'recruitment.import.badPhone': 'Numéro de téléphone invalide.',
  'recruitment.import.duplicate': 'Déjà membre, candidat ou invité.',
  'recruitment.mail.confirm.subject': 'Confirmez votre candidature à {{community}}',
  'recruitment.mail.confirm.body':
    'Merci d’avoir candidaté à {{community}}.\n\nConfirmez votre adresse e-mail avec ce lien :\n{{url}}\n\nNous enverrons ensuite un code sur votre téléphone.',
  'recruitment.mail.offer.subject': 'Une place se libère pour vous dans {{community}}',
  'recruitment.mail.offer.body':
    'Une place s’est libérée dans {{community}} et elle est à vous si vous la voulez.\n\nPrenez-la dans les {{days}} jours avec ce lien :\n{{url}}',
  'recruitment.mail.invitation.subject': '{{community}} vous invite à rejoindre son panel',
  'recruitment.mail.invitation.body':
    '{{community}} vous invite à rejoindre son panel de clients.\n\nCandidatez dans les {{days}} jours avec ce lien personnel (il ne sert qu’une fois) :\n{{url}}',
  'recruitment.sms.code': '{{code}} est votre code {{community}}. Il est valable {{minutes}} minutes.',
  'recruitment.consent.participation':
    'J’accepte de participer aux activités du panel (questionnaires, sondages, discussions) et que mes réponses servent aux études.',
  'recruitment.consent.contact_email':
    'J’accepte d’être contacté·e par e-mail au sujet des activités du panel.',
  'recruitment.consent.contact_sms': 'J’accepte d’être contacté·e par SMS au sujet des activités du panel.',
  'recruitment.consent.quotes':
    'J’accepte que mes propos soient cités anonymement dans les rapports d’études.',
  'recruitment.consent.client_viewing':
    'J’accepte que les équipes de la marque observent les sessions auxquelles je participe.',
  'recruitment.purpose.participation': 'Participation',
  'recruitment.purpose.contact_email': 'Contact par e-mail',
  'recruitment.purpose.contact_sms': 'Contact par SMS',
  'recruitment.purpose.quotes': 'Utilisation de citations',
  'recruitment.purpose.client_viewing': 'Observation des sessions par le client',
  'recruitment.stage.invited': 'Invité·e',
  'recruitment.stage.applied': 'Candidature envoyée',
  'recruitment.stage.qualified': 'Profil retenu',
  'recruitment.stage.disqualified': 'Non retenu·e',
  'recruitment.stage.over_quota': 'Hors quota',
  'recruitment.stage.email_confirmed': 'E-mail confirmé',
  'recruitment.stage.phone_validated': 'Téléphone validé',
  'recruitment.stage.waitlisted': 'En liste d’attente',
  'recruitment.stage.offered': 'Place proposée',
  'recruitment.stage.probation': 'En période d’essai',
  'recruitment.stage.active': 'Actif·ve',
  'recruitment.stage.dormant': 'En sommeil',
  'recruitment.stage.removed': 'Retiré·e',
  'recruitment.explain.qualified':
    'Vos réponses correspondent à ce que nous cherchons. Regardez vos e-mails : cliquez sur le lien envoyé pour confirmer votre adresse.',
  'recruitment.explain.disqualified':
    'Merci pour vos réponses. Votre profil ne correspond pas à cette étude : nous ne pouvons pas vous retenir cette fois.',
  'recruitment.explain.over_quota':
    'Nous avons déjà assez de personnes au profil proche du vôtre. Vous êtes en liste d’attente : nous vous écrirons si une place s’ouvre.',
  'recruitment.explain.email_confirmed':
    'Votre e-mail est confirmé. Nous avons envoyé un code par SMS sur votre téléphone : saisissez-le ci-dessous.',
  'recruitment.explain.phone_validated': 'Votre téléphone est validé.',
  'recruitment.explain.waitlisted':
    'Le panel est complet pour l’instant. Vous êtes n° {{position}} sur la liste d’attente : nous vous écrirons dès qu’une place se libère.',
  'recruitment.explain.offered': 'Une place vous attend. Prenez-la avant le {{date}}.',
  'recruitment.explain.probation':
    'Bienvenue ! Vous êtes membre en période d’essai : participez aux premières activités pour devenir membre à part entière.',
  'recruitment.explain.active': 'Vous êtes membre à part entière du panel.',
  'recruitment.explain.dormant':
    'Votre adhésion est en sommeil : participez à une activité pour la réveiller.',
  'recruitment.explain.removed': 'Vous ne faites plus partie de ce panel.',
};

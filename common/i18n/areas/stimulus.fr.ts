import type { stimulusEn } from './stimulus.en.ts';

/** Messages français des tests de stimuli : stimuli des questions, marqueurs sur image, préférence A/B. */
export const stimulusFr: Record<keyof typeof stimulusEn, string> = {
  'research.type.hotspot': 'Cliquez où vous aimez / n’aimez pas',
  'research.type.preference': 'Préférence entre deux variantes',
  'research.validation.stimulusNeeded': 'Joignez l’image sur laquelle les répondants cliqueront.',
  'research.validation.markerLimit':
    'Une question « cliquez où vous aimez » accepte de 1 à {{limit}} marqueurs.',
  'research.validation.twoVariants':
    'Une question de préférence a exactement deux variantes (deux lignes : A, puis B).',
  'research.validation.variantMedia': 'Chaque variante a besoin de son fichier.',
  'research.validation.mediaUnknown':
    'Ce fichier de stimulus ne fait pas partie des envois de cette communauté.',
  'research.validation.stimulusImage': 'Ce stimulus doit être une image (PNG, JPEG, GIF ou WebP).',
  'research.validation.tooManyMarkers': 'Placez au plus {{limit}} marqueurs.',
  'research.validation.marker':
    'Chaque marqueur est un « j’aime » ou un « je n’aime pas » placé sur l’image.',
  'research.validation.markerOutside': 'Chaque marqueur doit être placé sur l’image.',
  'research.validation.noStimulus':
    'Un questionnaire de recrutement ne montre pas de stimulus : les tests de stimuli sont des enquêtes auprès des membres.',
  'research.media.missing': 'Choisissez une image, une vidéo ou un son.',
  'research.media.tooLarge': 'Le fichier dépasse {{limit}} Mo.',
  'research.media.type':
    'Envoyez une image (PNG, JPEG, GIF, WebP), une vidéo (MP4, MOV, WebM, Ogg) ou un son (MP3, M4A, Ogg, WAV, FLAC).',
  'research.stimulus.zoom': 'Agrandir l’image',
  'research.stimulus.unzoom': 'Réduire l’image',
  'research.hotspot.help':
    'Cliquez ou touchez l’image pour placer un marqueur. Au clavier : placez le focus sur l’image, déplacez le viseur avec les flèches (Maj pour aller plus vite) et appuyez sur Entrée pour placer. Au plus {{limit}} marqueurs.',
  'research.hotspot.kind': 'Prochain marqueur',
  'research.hotspot.like': 'J’aime',
  'research.hotspot.dislike': 'Je n’aime pas',
  'research.hotspot.area': '{{alt}} : les flèches déplacent le viseur, Entrée place un marqueur',
  'research.hotspot.marker': 'Marqueur {{n}} : {{kind}} à {{x}} % de la largeur, {{y}} % de la hauteur',
  'research.hotspot.comment': 'Commentaire du marqueur {{n}} (facultatif)',
  'research.hotspot.remove': 'Retirer le marqueur {{n}}',
  'research.hotspot.count_one': '{{count}} marqueur placé sur {{limit}}',
  'research.hotspot.count_other': '{{count}} marqueurs placés sur {{limit}}',
  'research.hotspot.placed': 'Marqueur {{n}} placé.',
  'research.hotspot.full': 'Tous les marqueurs sont placés : retirez-en un pour en placer un autre.',
  'research.hotspot.imageButton': '{{alt}} : cliquez à l’endroit du marqueur',
  'research.hotspot.typed': 'Ou placez un marqueur par sa position',
  'research.hotspot.typedX': 'Depuis la gauche (%)',
  'research.hotspot.typedY': 'Depuis le haut (%)',
  'research.hotspot.place': 'Placer le marqueur',
  'research.preference.variant': 'Variante {{label}}',
  'research.preference.why': 'Pourquoi ? (facultatif)',
  'research.results.heatmap': 'Carte de chaleur : {{kind}}',
  'research.results.markers_one': '{{count}} marqueur',
  'research.results.markers_other': '{{count}} marqueurs',
  'research.results.markerComments': 'Commentaires des marqueurs',
  'research.new.qStimulus': 'Fichier de stimulus (image, logo, vidéo ou son)',
  'research.new.qStimulusHelp':
    'Montré avec la question. Images jusqu’à 5 Mo, vidéos et sons jusqu’à 50 Mo. « Cliquez où vous aimez / n’aimez pas » demande une image ; son Maximum est le nombre de marqueurs (5 par défaut).',
  'research.new.qStimulusLogo': 'Cette image est un logo',
  'research.new.qCaption': 'Légende (aussi le texte alternatif)',
  'research.new.qStimulusKept': 'Fichier actuel : {{name}}',
  'research.new.qStimulusRemove': 'Retirer ce fichier',
  'research.new.qVariant': 'Variante {{label}} : fichier',
  'research.new.qVariantHelp':
    'Pour « préférence entre deux variantes » : les libellés sont les deux lignes de Choix.',
  'research.new.qChoiceImage': 'Image du choix {{n}}',
  'research.new.qChoiceImagesHelp':
    'Pour « choix d’images » : l’image n° 1 va avec la première ligne de Choix, la n° 2 avec la deuxième, etc. Images jusqu’à 5 Mo.',
};

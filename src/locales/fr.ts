import type { LiveCallStatus } from '../core/CallEvent.js'
import type { CallLogMessages } from '../react/callLogMessages.js'
import type { CallMessages } from '../react/messages.js'
import { errorMessageByCode } from './errorMessageByCode.js'

/** How a live call's state reads in a CallButton's name. */
const liveStates: Record<LiveCallStatus, string> = {
  initiating: 'démarrage',
  deferred: 'sur le clavier',
  dialing: 'numérotation',
  ringing: 'sonnerie',
  connected: 'en ligne',
  held: 'en attente',
}

/** Every error code in French: what happened and what to do. */
const errorMessage = errorMessageByCode({
  invalid_number: 'Ce numéro ne peut pas être composé. Vérifiez-le, avec l’indicatif du pays.',
  invalid_argument: 'La demande est incomplète ou mal formée.',
  invalid_state: 'Impossible dans l’état actuel de l’appel.',
  timeout: 'Le système téléphonique n’a pas répondu à temps. Réessayez.',
  unauthorized: 'Votre session a expiré. Reconnectez-vous.',
  forbidden: 'Vous n’avez pas l’autorisation de faire cela.',
  not_found: 'Introuvable : l’appel ou l’appareil n’existe plus.',
  conflict: 'Un autre appel est déjà en cours.',
  rate_limited: 'Trop de demandes. Patientez un instant, puis réessayez.',
  not_ready: 'Votre téléphone n’est pas prêt. Connectez-vous au système téléphonique.',
  provider_error: 'Le système téléphonique a refusé la demande.',
  network_error: 'Le système téléphonique est injoignable. Vérifiez votre connexion.',
  aborted: 'La demande a été annulée.',
  not_supported: 'Ce système téléphonique ne le permet pas.',
})

/**
 * French. Pass it to `CallProvider`: `<CallProvider messages={fr}>`, or spread it under your own
 * words: `messages={{ ...fr, call: 'Composer' }}`.
 */
export const fr: Partial<CallMessages> = {
  call: 'Appeler',
  callWhom: (name) => `Appeler ${name}`,
  calling: 'Appel…',
  callingWhom: (name) => `Appel de ${name}…`,
  callUnavailable: 'Appels indisponibles : le système téléphonique n’est pas connecté.',
  errorMessage,
  initiating: 'Démarrage de l’appel…',
  deferred: 'Numéro prêt sur le clavier. Appuyez sur Appeler pour composer.',
  dialing: 'Numérotation…',
  ringing: 'Sonnerie…',
  connected: (duration) => `En ligne ${duration}`,
  held: 'En attente',
  ended: (outcome) =>
    ({
      completed: 'Appel terminé',
      'no-answer': 'Appel terminé : pas de réponse',
      busy: 'Appel terminé : ligne occupée',
      voicemail: 'Appel terminé : messagerie',
      canceled: 'Appel terminé : annulé',
      declined: 'Appel refusé',
      missed: 'Appel manqué',
      unknown: 'Appel terminé',
    })[outcome],
  failed: (reason) => `Échec de l’appel : ${reason}`,
  outcomes: {
    completed: '',
    'no-answer': 'pas de réponse',
    busy: 'ligne occupée',
    voicemail: 'messagerie',
    canceled: 'annulé',
    declined: 'refusé',
    missed: 'manqué',
    unknown: '',
  },
  statuses: {
    initiating: 'Démarrage',
    deferred: 'Sur le clavier',
    dialing: 'Numérotation',
    ringing: 'Sonnerie',
    connected: 'En ligne',
    held: 'En attente',
    ended: 'Terminé',
    failed: 'Échec',
  },
  incomingCall: 'Appel entrant',
  incomingCallFrom: (name) => `Appel entrant de ${name}`,
  answer: 'Répondre',
  decline: 'Refuser',
  callerMatches: 'Fiches correspondant à l’appelant',
  lookingUpCaller: 'Recherche de l’appelant…',
  noCallerMatch: 'Aucune fiche ne correspond à ce numéro.',
  hangUp: 'Raccrocher',
  hold: 'Attente',
  resume: 'Reprendre',
  mute: 'Muet',
  unmute: 'Réactiver le micro',
  dismiss: 'Fermer',
  callStatus: 'État de l’appel',
  callControls: 'Commandes d’appel',
  otherCalls: 'Autres appels',
  callWith: (party) => `Appel avec ${party}`,
  switchTo: 'Passer à',
  switchToCall: (party) => `Passer à ${party}`,
  callDuration: 'Durée de l’appel',
  phoneNumber: 'Numéro de téléphone',
  phoneNumberPlaceholder: 'Saisissez un numéro',
  dialpad: 'Clavier',
  deleteDigit: 'Effacer',
  pasteNotANumber: (character) =>
    `Non collé : « ${character} » ne fait pas partie d’un numéro. Utilisez des chiffres, + et l’indicatif du pays.`,
  pastePlus: 'Non collé : le + se place seulement devant l’indicatif du pays.',
  pasteUriPart: (part) => `Non collé : la partie « ${part} » du lien ne peut pas être composée.`,
  pasteEmpty: 'Non collé : il n’y a pas de numéro de téléphone.',
  extensionLater: (extension) =>
    `Le poste ${extension} sera envoyé en tonalités une fois l’appel établi.`,
  extensionNoTones: (extension) =>
    `Non collé : ce système téléphonique ne peut pas envoyer le poste ${extension} en tonalités. Composez le numéro et demandez le poste.`,
  prefilled: (number) => `${number} est sur le clavier. Appuyez sur Appeler pour composer.`,
  tonesKeypad: 'Clavier : les tonalités vont à l’appel',
  tonesSent: (digits) => `Tonalités envoyées : ${digits}`,
  tonesHint: 'Appuyez sur les touches pour envoyer des tonalités.',
  tonesHeld: 'En attente : les touches sont désactivées.',
  signInToCall: 'Connectez-vous au système téléphonique pour appeler.',
  phoneNotReady: 'Votre téléphone n’est pas prêt à appeler. Vérifiez votre appareil téléphonique.',
  clickToDialOff: 'Le clic pour appeler est désactivé.',
  onAnotherCall: (name) =>
    `Vous êtes en ligne avec ${name}. Raccrochez ou mettez l’appel en attente d’abord.`,
  callFrom: 'Appeler depuis',
  callerIdDefault: 'Numéro par défaut',
  noPhoneNumber: 'Aucun numéro de téléphone à appeler.',
  onCallWith: (name, status, duration) =>
    `${name}, ${liveStates[status]}${duration === null ? '' : ` ${duration}`}`,
  notSupported: 'Ce système téléphonique ne le permet pas.',
  reconnecting: 'Connexion au système téléphonique perdue. Reconnexion…',
  invalidJson:
    'La structure de l’objet associé contient une erreur de syntaxe. Impossible de lire le JSON.',
  associatedObject: 'Objet associé',
  associatedObjectFields: {
    id: 'Identifiant',
    type: 'Type',
    displayName: 'Nom affiché',
    displayType: 'Type affiché',
  },
  customFields: 'Champs personnalisés',
  noCustomFields: 'Aucun champ personnalisé.',
  customFieldNameColumn: 'Nom',
  customFieldValueColumn: 'Valeur',
  customFieldName: (row) => `Nom du champ ${row}`,
  customFieldValue: (row) => `Valeur du champ ${row}`,
  addCustomField: 'Ajouter un champ',
  removeCustomField: (name, row) => `Supprimer le champ ${name || row}`,
  editorMode: 'Modifier en',
  formMode: 'Formulaire',
  jsonMode: 'JSON',
  jsonLabel: 'Objet associé en JSON',
  fieldRequired: (label) => `${label} est obligatoire.`,
  fieldNotText: (path) => `${path} doit être du texte.`,
  notAnObject:
    'L’objet associé doit être un objet JSON avec id, type, displayName, displayType et customFields.',
  customFieldsNotObject:
    'customFields doit être un objet de valeurs texte, par exemple {"crmUrl": "https://…"}.',
  unknownField: (key) => `« ${key} » n’est pas un champ d’un objet associé.`,
  customFieldNameRequired: 'Donnez un nom à ce champ.',
  customFieldNameDuplicate: (name) => `« ${name} » est déjà utilisé par un autre champ.`,
  softphone: 'Téléphone',
  readyToCall: 'Prêt à appeler',
  keypad: 'Clavier',
  muted: 'Muet',
  callAgain: 'Rappeler',
}

/**
 * French for the call log (`react-click-to-call/call-log`): pass it to `CallLogProvider`:
 * `<CallLogProvider messages={frCallLog}>`. The time of a call follows the browser's locale.
 */
export const frCallLog: Partial<CallLogMessages> = {
  wrapUp: 'Clôture de l’appel',
  disposition: 'Qualification',
  chooseDisposition: 'Choisir…',
  dispositionRequired: 'Choisissez une qualification pour enregistrer cet appel.',
  notes: 'Notes',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  skip: 'Passer',
  saved: 'Appel journalisé.',
  notSaved: (reason) =>
    `Pas encore journalisé : ${reason} Il sera réessayé ; vos notes sont conservées.`,
  errorMessage,
  unknownParty: 'Numéro inconnu',
  outcomes: {
    completed: 'Terminé',
    'no-answer': 'Pas de réponse',
    busy: 'Occupé',
    voicemail: 'Messagerie',
    canceled: 'Annulé',
    declined: 'Refusé',
    missed: 'Manqué',
    unknown: 'Terminé',
    failed: 'Échec',
  },
  directions: { inbound: 'Entrant', outbound: 'Sortant' },
  recentCalls: 'Appels récents',
  noRecentCalls: 'Aucun appel pour l’instant.',
  callAgain: 'Rappeler',
  callAgainWhom: (name) => `Rappeler ${name}`,
  log: 'Journaliser',
  logWhom: (name) => `Journaliser l’appel avec ${name}`,
  logged: 'Journalisé',
  loggedWhom: (name) => `Journalisé : modifier l’appel avec ${name}`,
}

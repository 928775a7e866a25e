// The e-TRIPS "view details" page in its three interfaces: the texts around a report's paragraphs and list of
// programmes (domain.md, "The e-TRIPS list of programmes" and the "Fixed texts" table). Matched folded (case,
// accents and spacing), so a copy from any browser matches.

export type InterfaceLanguage = 'en' | 'fr' | 'es'

export interface Interface {
  language: InterfaceLanguage
  /** The language's English name. */
  name: string
  /** The page title's words after "67": "View details of the document". */
  viewDetails: string
  /** The heading of the list of programmes. */
  listHeading: string
  /** The line under that heading. */
  moreInformation: string
  /** The column titles after `#`; several spellings where the page has a misspelt one. */
  columns: {title: string; start: string; beneficiaries: readonly string[]}
}

export const interfaces: readonly Interface[] = [
  {
    language: 'en',
    name: 'English',
    viewDetails: 'View details of the document',
    listHeading: 'List of programmes/projects',
    moreInformation: 'Click for more information',
    columns: {title: 'Title of programme or activity', start: 'Start date', beneficiaries: ['Beneficiary Members or observers']}
  },
  {
    language: 'fr',
    name: 'French',
    viewDetails: 'Afficher les détails du document',
    listHeading: 'Liste des programmes/projets',
    moreInformation: 'Cliquez pour obtenir plus de renseignements',
    // "bénéficiares" (sic) is how e-TRIPS prints it.
    columns: {title: "Titre du programme ou de l'activité", start: 'Date de début', beneficiaries: ['Membres ou observateurs bénéficiares', 'Membres ou observateurs bénéficiaires']}
  },
  {
    // The Spanish page's texts are unconfirmed (domain.md [U]) but for the column titles' pattern.
    language: 'es',
    name: 'Spanish',
    viewDetails: 'Ver detalles del documento',
    listHeading: 'Lista de programas/proyectos',
    moreInformation: 'Haga clic para obtener más información',
    columns: {title: 'Título del programa o actividad', start: 'Fecha de inicio', beneficiaries: ['Miembros u observadores beneficiarios']}
  }
]

/** Text folded for matching the interface's words: accents, case, apostrophe forms and spacing. */
export const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’ʼ]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()

/** The interface whose list heading, "more information" line or column titles `line` is, and which it is. */
export function interfaceLine(line: string): {ui: Interface; kind: 'listHeading' | 'moreInformation' | 'columns' | 'title'} | undefined {
  const folded = fold(line)
  for (const ui of interfaces) {
    if (folded === fold(ui.listHeading)) return {ui, kind: 'listHeading'}
    if (folded === fold(ui.moreInformation)) return {ui, kind: 'moreInformation'}
    if ((folded.startsWith('#') || folded.startsWith(fold(ui.columns.title))) && folded.includes(fold(ui.columns.title)) && folded.includes(fold(ui.columns.start))) {
      return {ui, kind: 'columns'}
    }
    if (/\b67\b/.test(folded) && folded.endsWith(fold(ui.viewDetails))) return {ui, kind: 'title'}
  }
  return undefined
}

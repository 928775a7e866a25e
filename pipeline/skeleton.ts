// The texts `art67 init` writes that are not labels, per language, and those of them that stand in for the user's own
// words: left in a report, they are printed as they are, so checking finds them (`init-text-left`).

/** The texts of the skeleton that are not labels, per language; `{of}` is the member's name after "of". */
export const skeletons: Record<string, {undated: string; outline: string; intro: string; activities: string; details: string; listIntro: string; example: string; exampleText: string; agency: string; activityType: string}> = {
  en: {
    undated: 'Add these once the Secretariat has dated and numbered the communication:',
    outline: 'Brief outline of technical cooperation activities',
    intro: 'Describe here the technical and financial cooperation {of} in favour of developing and least-developed country Members during the {period} period.',
    activities: 'Activities by agency',
    details: 'Details of technical cooperation activities are provided in the Annex.',
    listIntro: 'The list below gives the programmes and activities {of} for the {period} period.',
    example: 'Example workshop on patent examination (replace or delete this row)',
    exampleText: 'Describe the programme here: its objectives, what was done and its results.',
    agency: 'Intellectual Property Office',
    activityType: 'Workshop'
  },
  fr: {
    undated: 'Ajouter ces lignes une fois la communication datée et numérotée par le Secrétariat:',
    outline: 'Aperçu des activités de coopération technique',
    intro: 'Décrire ici la coopération technique et financière {of} en faveur des pays en développement et des pays les moins avancés Membres pendant la période {period}.',
    activities: 'Activités par organisme',
    details: "Les détails des activités de coopération technique figurent dans l'annexe.",
    listIntro: 'La liste ci-dessous présente les programmes et activités {of} pour la période {period}.',
    example: "Exemple d'atelier sur l'examen des brevets (remplacer ou supprimer cette ligne)",
    exampleText: 'Décrire ici le programme: ses objectifs, ce qui a été fait et ses résultats.',
    agency: 'Office de la propriété intellectuelle',
    activityType: 'Atelier'
  },
  es: {
    undated: 'Añada estas líneas cuando la Secretaría haya fechado y numerado la comunicación:',
    outline: 'Breve reseña de las actividades de cooperación técnica',
    intro: 'Describa aquí la cooperación técnica y financiera {of} en favor de los países en desarrollo y menos adelantados Miembros durante el período {period}.',
    activities: 'Actividades por organismo',
    details: 'Los detalles de las actividades de cooperación técnica figuran en el anexo.',
    listIntro: 'La lista que figura a continuación recoge los programas y actividades {of} para el período {period}.',
    example: 'Ejemplo de taller sobre examen de patentes (sustituya o suprima esta fila)',
    exampleText: 'Describa aquí el programa: sus objetivos, lo que se hizo y sus resultados.',
    agency: 'Oficina de Propiedad Intelectual',
    activityType: 'Taller'
  }
}

/** Texts of the skeleton the user replaces, in every language: each as written, up to its first placeholder. */
export const placeholderTexts: readonly string[] = Object.values(skeletons).flatMap(({intro, example, exampleText}) =>
  [intro, example, exampleText].map((text) => text.split('{')[0]!.trim())
)

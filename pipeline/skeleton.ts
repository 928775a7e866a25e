// The texts `art67 init` and `art67 import` write that are not labels, per language, and those of them that stand in
// for the user's own words: left in a report, they are printed as they are, so checking finds them (`init-text-left`).

/**
 * The texts of the skeleton that are not labels, per language; `{of}` is the member's name after "of". The front
 * matter's comments that `art67 import` writes are here too (`imported` … `periodMissing`), in the report's language.
 */
export const skeletons: Record<
  string,
  {
    undated: string
    outline: string
    intro: string
    activities: string
    details: string
    listIntro: string
    example: string
    exampleText: string
    agency: string
    activityType: string
    /** `{page}`: the file the page was copied into. */
    imported: string
    /** The same, read through a recognised interface: `{interface}` is its language's name, as `languageNames` gives it. */
    importedThrough: string
    importUndated: string
    memberMissing: string
    periodMissing: string
  }
> = {
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
    activityType: 'Workshop',
    imported: 'Imported with `art67 import` from the e-TRIPS page {page}.',
    importedThrough: 'Imported with `art67 import` from the e-TRIPS page {page} ({interface} interface).',
    importUndated: 'Add `date:`, `symbol:` and `job:` once the Secretariat has dated and numbered the document.',
    memberMissing: 'member: the reporting Member (not found in the page: fill it in)',
    periodMissing: 'period: the reporting period, e.g. 2020-2021 (not found in the page: fill it in)'
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
    activityType: 'Atelier',
    imported: 'Importé avec `art67 import` de la page e-TRIPS {page}.',
    importedThrough: 'Importé avec `art67 import` de la page e-TRIPS {page} (interface en {interface}).',
    importUndated: 'Ajouter `date:`, `symbol:` et `job:` une fois le document daté et numéroté par le Secrétariat.',
    memberMissing: 'member: le Membre qui présente le rapport (absent de la page: à compléter)',
    periodMissing: 'period: la période couverte, par exemple 2020-2021 (absente de la page: à compléter)'
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
    activityType: 'Taller',
    imported: 'Importado con `art67 import` de la página de e-TRIPS {page}.',
    importedThrough: 'Importado con `art67 import` de la página de e-TRIPS {page} (interfaz en {interface}).',
    importUndated: 'Añada `date:`, `symbol:` y `job:` cuando la Secretaría haya fechado y numerado el documento.',
    memberMissing: 'member: el Miembro que presenta el informe (no figura en la página: complételo)',
    periodMissing: 'period: el período abarcado, por ejemplo 2020-2021 (no figura en la página: complételo)'
  }
}

/** `text` with each `{key}` replaced by its value in `values`; a key without one is left as written. */
export const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)

/** Texts of the skeleton the user replaces, in every language: each as written, up to its first placeholder. */
export const placeholderTexts: readonly string[] = Object.values(skeletons).flatMap(({intro, example, exampleText}) =>
  [intro, example, exampleText].map((text) => text.split('{')[0]!.trim())
)

// e-TRIPS pages written for the tests, in the English, Spanish and French interfaces, as a browser copies them: each row's
// cells separated by spaces only.

export const englishPage = `Technical Cooperation Activities under TRIPS Art. 67. - View details of the document



  1. The present document provides an update on Norway's activities in favour of developing country and LDC Members, covering the 2021-2022 period.
  2. Norway's activities are listed in the Annex.;;

List of programmes/projects

Click for more information
# Title of programme or activity Start date Beneficiary Members or observers
1 Workshop on patent examination 01/03/2022 Kenya; Uganda
2 Webinar series on trademarks 15/04/2022
3 Training of customs officers Kenya; Rwanda
4 Open research network on innovation
5 Study visit of 12/05/2021 - 14/05/2021 follow-up 01/06/2022 Uganda
6 Expert mission, December 2016- December 2019 programme 01/01/2022
7 Support to the Ministry of Infrastructure, Rwanda. 01/07/2022 Rwanda
8 Advice to the Ministry of Infrastructure, Rwanda. Kenya; Uganda
9 Capacity building for the Ministry of Trade, Rwanda.
10 Seminar on geographical indications Bolivia, Plurinational State of; Peru
11 Patent drafting workshop Kenya
`

export const spanishPage = `Actividades de cooperación técnica en el marco del artículo 67 del Acuerdo sobre los ADPIC - Ver detalles del documento

  1. El presente documento ofrece información actualizada sobre las actividades de cooperación técnica, que abarca el período 2021-2022.;;

Lista de programas/proyectos

Haga clic para obtener más información
# Título del programa o actividad Fecha de inicio Miembros u observadores beneficiarios
1 Taller sobre examen de patentes 01/03/2022 Colombia; Perú
2 Seminario web sobre marcas 15/04/2022
3 Formación de funcionarios de aduanas Ecuador; Paraguay
4 Red de investigación sobre innovación abierta
5 Misión de expertos del 12/05/2021 al 14/05/2021, seguimiento 01/06/2022 Guatemala
6 Apoyo al Ministerio de Comercio de Honduras 01/07/2022 Honduras
7 Cooperación con la oficina de patentes de Guatemala
`

export const frenchPage = `Activités de coopération technique au titre de l'article 67 de l'Accord sur les ADPIC - Afficher les détails du document

  1. Le présent document fournit des renseignements à jour sur les activités de coopération technique de la France en faveur des pays en développement et des pays les moins avancés Membres, pour la période 2022-2023.
  2. Les activités de la France sont présentées dans l'annexe.;;

Liste des programmes/projets

Cliquez pour obtenir plus de renseignements
# Titre du programme ou de l'activité Date de début Membres ou observateurs bénéficiares
1 Atelier sur l'examen des brevets 01/03/2022 Sénégal; Côte d'Ivoire
2 Séminaire en ligne sur les marques 15/04/2022
3 Formation des agents des douanes Bénin; Togo
`

// The 166 WTO Members under their WTO names (source `domain-members`), in domain.md's order. `article`, `inSentence`
// and `delegation` say how a circulation sentence names the Member (source `circulation`).
import type {EntryInput, LdcSpan} from './schema.js'

type Row = Omit<EntryInput, 'kind' | 'sources'>

const americas = 'South and Central America and the Caribbean'

/** An LDC today, since before 1995. */
const ldc: LdcSpan[] = [{sources: ['domain-ldc']}]
/** An LDC today, included after 1995. */
const since = (year: string): LdcSpan[] => [
  {sources: ['domain-ldc', 'un-ldc'], note: `In the LDC category since ${year} (un-ldc); the day is not recorded.`}
]
/** An LDC today whose graduation is scheduled but unconfirmed. */
const graduating = (when: string): LdcSpan[] => [
  {sources: ['domain-ldc'], note: `Graduation scheduled for ${when} (domain.md [U]): no end date recorded.`}
]
/** An LDC until it graduated on `to`. */
const graduated = (to: string): LdcSpan[] => [{to, sources: ['un-ldc']}]

const rows: Row[] = [
  {name: 'Afghanistan', iso3: 'AFG', region: 'Asia', ldc},
  {name: 'Albania', iso3: 'ALB', region: 'Europe'},
  {
    name: 'Angola',
    iso3: 'AGO',
    region: 'Africa',
    ldc: [{sources: ['domain-ldc'], note: 'Graduation deferred (December 2023).'}]
  },
  {name: 'Antigua and Barbuda', iso3: 'ATG', region: americas},
  {name: 'Argentina', iso3: 'ARG', region: americas},
  {name: 'Armenia', iso3: 'ARM', region: 'CIS'},
  {name: 'Australia', iso3: 'AUS', region: 'Asia', developed: true},
  {name: 'Austria', iso3: 'AUT', region: 'Europe', developed: true},
  {name: 'Bahrain, Kingdom of', article: 'the', inSentence: 'Kingdom of Bahrain', iso3: 'BHR', region: 'Middle East', aliases: ['Bahrain', 'Kingdom of Bahrain']},
  {name: 'Bangladesh', iso3: 'BGD', region: 'Asia', ldc: graduating('November 2026')},
  {name: 'Barbados', iso3: 'BRB', region: americas},
  {name: 'Belgium', iso3: 'BEL', region: 'Europe', developed: true},
  {name: 'Belize', iso3: 'BLZ', region: americas},
  {name: 'Benin', iso3: 'BEN', region: 'Africa', ldc},
  {
    name: 'Bolivia, Plurinational State of',
    article: 'the',
    inSentence: 'Plurinational State of Bolivia',
    iso3: 'BOL',
    region: americas,
    aliases: ['Bolivia', 'Plurinational State of Bolivia']
  },
  {
    name: 'Botswana',
    iso3: 'BWA',
    region: 'Africa',
    ldc: [
      {
        to: '1994-12-31',
        sources: ['issue'],
        note: 'The UN records graduation in December 1994; the day is unconfirmed. It only matters before 1995.'
      }
    ]
  },
  {name: 'Brazil', iso3: 'BRA', region: americas},
  {name: 'Brunei Darussalam', iso3: 'BRN', region: 'Asia', aliases: ['Brunei']},
  {name: 'Bulgaria', iso3: 'BGR', region: 'Europe', developed: true},
  {name: 'Burkina Faso', iso3: 'BFA', region: 'Africa', ldc},
  {name: 'Burundi', iso3: 'BDI', region: 'Africa', ldc},
  {name: 'Cabo Verde', iso3: 'CPV', region: 'Africa', aliases: ['Cape Verde'], ldc: graduated('2007-12-20')},
  {name: 'Cambodia', iso3: 'KHM', region: 'Asia', ldc},
  {name: 'Cameroon', iso3: 'CMR', region: 'Africa'},
  {name: 'Canada', iso3: 'CAN', region: 'North America', developed: true},
  {name: 'Central African Republic', article: 'the', iso3: 'CAF', region: 'Africa', ldc},
  {name: 'Chad', iso3: 'TCD', region: 'Africa', ldc},
  {name: 'Chile', iso3: 'CHL', region: americas},
  {name: 'China', iso3: 'CHN', region: 'Asia', aliases: ["People's Republic of China"]},
  {name: 'Colombia', iso3: 'COL', region: americas},
  {name: 'Comoros', article: 'the', iso3: 'COM', region: 'Africa', ldc, note: 'Member since 21 August 2024 (domain.md [C]).'},
  {
    name: 'Congo',
    iso3: 'COG',
    region: 'Africa',
    aliases: ['Republic of the Congo', 'Republic of Congo', 'Congo, Republic of', 'Congo-Brazzaville']
  },
  {name: 'Costa Rica', iso3: 'CRI', region: americas},
  {name: "Côte d'Ivoire", iso3: 'CIV', region: 'Africa', aliases: ['Ivory Coast']},
  {name: 'Croatia', iso3: 'HRV', region: 'Europe', developed: true},
  {name: 'Cuba', iso3: 'CUB', region: americas},
  {name: 'Cyprus', iso3: 'CYP', region: 'Europe', developed: true},
  {name: 'Czech Republic', article: 'the', iso3: 'CZE', region: 'Europe', developed: true, aliases: ['Czechia']},
  {
    name: 'Democratic Republic of the Congo',
    article: 'the',
    iso3: 'COD',
    region: 'Africa',
    aliases: [
      'DR Congo',
      'DRC',
      'Congo-Kinshasa',
      'Democratic Republic of Congo',
      'Congo, Democratic Republic of the'
    ],
    ldc
  },
  {name: 'Denmark', iso3: 'DNK', region: 'Europe', developed: true},
  {name: 'Djibouti', iso3: 'DJI', region: 'Africa', ldc},
  {name: 'Dominica', iso3: 'DMA', region: americas},
  {name: 'Dominican Republic', article: 'the', iso3: 'DOM', region: americas},
  {name: 'Ecuador', iso3: 'ECU', region: americas},
  {name: 'Egypt', iso3: 'EGY', region: 'Africa'},
  {name: 'El Salvador', iso3: 'SLV', region: americas},
  {name: 'Estonia', iso3: 'EST', region: 'Europe', developed: true},
  {name: 'Eswatini', iso3: 'SWZ', region: 'Africa', aliases: ['Swaziland', 'Kingdom of Eswatini']},
  {
    name: 'European Union',
    article: 'the',
    delegation: false,
    region: 'Europe',
    developed: true,
    aliases: ['EU', 'European Communities'],
    note: 'A WTO Member in its own right; "European Communities" in the WTO until 30 November 2009.'
  },
  {name: 'Fiji', iso3: 'FJI', region: 'Asia'},
  {name: 'Finland', iso3: 'FIN', region: 'Europe', developed: true},
  {name: 'France', iso3: 'FRA', region: 'Europe', developed: true},
  {name: 'Gabon', iso3: 'GAB', region: 'Africa'},
  {name: 'Gambia', article: 'the', iso3: 'GMB', region: 'Africa', ldc},
  {name: 'Georgia', iso3: 'GEO', region: 'CIS'},
  {name: 'Germany', iso3: 'DEU', region: 'Europe', developed: true},
  {name: 'Ghana', iso3: 'GHA', region: 'Africa'},
  {name: 'Greece', iso3: 'GRC', region: 'Europe', developed: true},
  {name: 'Grenada', iso3: 'GRD', region: americas},
  {name: 'Guatemala', iso3: 'GTM', region: americas},
  {name: 'Guinea', iso3: 'GIN', region: 'Africa', ldc},
  {name: 'Guinea-Bissau', iso3: 'GNB', region: 'Africa', ldc},
  {name: 'Guyana', iso3: 'GUY', region: americas},
  {name: 'Haiti', iso3: 'HTI', region: americas, ldc},
  {name: 'Honduras', iso3: 'HND', region: americas},
  {name: 'Hong Kong, China', iso3: 'HKG', region: 'Asia', aliases: ['Hong Kong', 'Hong Kong SAR']},
  {name: 'Hungary', iso3: 'HUN', region: 'Europe', developed: true},
  {name: 'Iceland', iso3: 'ISL', region: 'Europe', developed: true},
  {name: 'India', iso3: 'IND', region: 'Asia'},
  {name: 'Indonesia', iso3: 'IDN', region: 'Asia'},
  {name: 'Ireland', iso3: 'IRL', region: 'Europe', developed: true},
  {name: 'Israel', iso3: 'ISR', region: 'Middle East'},
  {name: 'Italy', iso3: 'ITA', region: 'Europe', developed: true},
  {name: 'Jamaica', iso3: 'JAM', region: americas},
  {name: 'Japan', iso3: 'JPN', region: 'Asia', developed: true},
  {name: 'Jordan', iso3: 'JOR', region: 'Middle East'},
  {name: 'Kazakhstan', iso3: 'KAZ', region: 'CIS'},
  {name: 'Kenya', iso3: 'KEN', region: 'Africa'},
  {name: 'Korea, Republic of', article: 'the', inSentence: 'Republic of Korea', iso3: 'KOR', region: 'Asia', aliases: ['Korea', 'South Korea', 'Republic of Korea']},
  {name: 'Kuwait, the State of', article: 'the', inSentence: 'State of Kuwait', iso3: 'KWT', region: 'Middle East', aliases: ['Kuwait', 'State of Kuwait']},
  {name: 'Kyrgyz Republic', article: 'the', iso3: 'KGZ', region: 'CIS', aliases: ['Kyrgyzstan']},
  {
    name: "Lao People's Democratic Republic",
    article: 'the',
    iso3: 'LAO',
    region: 'Asia',
    aliases: ['Laos', 'Lao PDR', 'Lao'],
    ldc: graduating('November 2026')
  },
  {name: 'Latvia', iso3: 'LVA', region: 'Europe', developed: true},
  {name: 'Lesotho', iso3: 'LSO', region: 'Africa', ldc},
  {name: 'Liberia', iso3: 'LBR', region: 'Africa', ldc},
  {name: 'Liechtenstein', iso3: 'LIE', region: 'Europe', developed: true},
  {name: 'Lithuania', iso3: 'LTU', region: 'Europe', developed: true},
  {name: 'Luxembourg', iso3: 'LUX', region: 'Europe', developed: true},
  {name: 'Macao, China', iso3: 'MAC', region: 'Asia', aliases: ['Macao', 'Macau', 'Macau, China', 'Macao SAR']},
  {name: 'Madagascar', iso3: 'MDG', region: 'Africa', ldc},
  {name: 'Malawi', iso3: 'MWI', region: 'Africa', ldc},
  {name: 'Malaysia', iso3: 'MYS', region: 'Asia'},
  {name: 'Maldives', article: 'the', iso3: 'MDV', region: 'Asia', ldc: graduated('2011-01-01')},
  {name: 'Mali', iso3: 'MLI', region: 'Africa', ldc},
  {name: 'Malta', iso3: 'MLT', region: 'Europe', developed: true},
  {name: 'Mauritania', iso3: 'MRT', region: 'Africa', ldc},
  {name: 'Mauritius', iso3: 'MUS', region: 'Africa'},
  {name: 'Mexico', iso3: 'MEX', region: 'North America'},
  {name: 'Moldova, Republic of', article: 'the', inSentence: 'Republic of Moldova', iso3: 'MDA', region: 'CIS', aliases: ['Moldova', 'Republic of Moldova']},
  {name: 'Mongolia', iso3: 'MNG', region: 'Asia'},
  {name: 'Montenegro', iso3: 'MNE', region: 'Europe'},
  {name: 'Morocco', iso3: 'MAR', region: 'Africa'},
  {name: 'Mozambique', iso3: 'MOZ', region: 'Africa', ldc},
  {name: 'Myanmar', iso3: 'MMR', region: 'Asia', aliases: ['Burma'], ldc},
  {name: 'Namibia', iso3: 'NAM', region: 'Africa'},
  {name: 'Nepal', iso3: 'NPL', region: 'Asia', ldc: graduating('November 2026')},
  {name: 'Netherlands', article: 'the', iso3: 'NLD', region: 'Europe', developed: true, aliases: ['Kingdom of the Netherlands']},
  {name: 'New Zealand', iso3: 'NZL', region: 'Asia', developed: true},
  {name: 'Nicaragua', iso3: 'NIC', region: americas},
  {name: 'Niger', iso3: 'NER', region: 'Africa', ldc},
  {name: 'Nigeria', iso3: 'NGA', region: 'Africa'},
  {
    name: 'North Macedonia',
    iso3: 'MKD',
    region: 'Europe',
    aliases: ['Macedonia', 'FYROM', 'Former Yugoslav Republic of Macedonia']
  },
  {name: 'Norway', iso3: 'NOR', region: 'Europe', developed: true},
  {name: 'Oman', iso3: 'OMN', region: 'Middle East'},
  {name: 'Pakistan', iso3: 'PAK', region: 'Asia'},
  {name: 'Panama', iso3: 'PAN', region: americas},
  {name: 'Papua New Guinea', iso3: 'PNG', region: 'Asia'},
  {name: 'Paraguay', iso3: 'PRY', region: americas},
  {name: 'Peru', iso3: 'PER', region: americas},
  {name: 'Philippines', article: 'the', iso3: 'PHL', region: 'Asia'},
  {name: 'Poland', iso3: 'POL', region: 'Europe', developed: true},
  {name: 'Portugal', iso3: 'PRT', region: 'Europe', developed: true},
  {name: 'Qatar', iso3: 'QAT', region: 'Middle East'},
  {name: 'Romania', iso3: 'ROU', region: 'Europe', developed: true},
  {name: 'Russian Federation', article: 'the', iso3: 'RUS', region: 'CIS', aliases: ['Russia']},
  {name: 'Rwanda', iso3: 'RWA', region: 'Africa', ldc},
  {name: 'Saint Kitts and Nevis', iso3: 'KNA', region: americas},
  {name: 'Saint Lucia', iso3: 'LCA', region: americas},
  {name: 'Saint Vincent and the Grenadines', iso3: 'VCT', region: americas},
  {name: 'Samoa', iso3: 'WSM', region: 'Asia', ldc: graduated('2014-01-01')},
  {
    name: 'Saudi Arabia, Kingdom of',
    article: 'the',
    inSentence: 'Kingdom of Saudi Arabia',
    iso3: 'SAU',
    region: 'Middle East',
    aliases: ['Saudi Arabia', 'Kingdom of Saudi Arabia']
  },
  {
    name: 'Senegal',
    iso3: 'SEN',
    region: 'Africa',
    ldc: since('2001')
  },
  {name: 'Seychelles', iso3: 'SYC', region: 'Africa'},
  {name: 'Sierra Leone', iso3: 'SLE', region: 'Africa', ldc},
  {name: 'Singapore', iso3: 'SGP', region: 'Asia'},
  {name: 'Slovak Republic', article: 'the', iso3: 'SVK', region: 'Europe', developed: true, aliases: ['Slovakia']},
  {name: 'Slovenia', iso3: 'SVN', region: 'Europe', developed: true},
  {name: 'Solomon Islands', iso3: 'SLB', region: 'Asia', ldc: graduating('December 2027')},
  {name: 'South Africa', iso3: 'ZAF', region: 'Africa'},
  {name: 'Spain', iso3: 'ESP', region: 'Europe', developed: true},
  {name: 'Sri Lanka', iso3: 'LKA', region: 'Asia'},
  {name: 'Suriname', iso3: 'SUR', region: americas},
  {name: 'Sweden', iso3: 'SWE', region: 'Europe', developed: true},
  {name: 'Switzerland', iso3: 'CHE', region: 'Europe', developed: true},
  {
    name: 'Chinese Taipei',
    iso3: 'TWN',
    region: 'Asia',
    aliases: ['Taiwan', 'Taipei, Chinese', 'Separate Customs Territory of Taiwan, Penghu, Kinmen and Matsu']
  },
  {name: 'Tajikistan', iso3: 'TJK', region: 'CIS'},
  {
    name: 'Tanzania',
    iso3: 'TZA',
    region: 'Africa',
    aliases: ['United Republic of Tanzania', 'Tanzania, United Republic of'],
    ldc
  },
  {name: 'Thailand', iso3: 'THA', region: 'Asia'},
  {
    name: 'Timor-Leste',
    iso3: 'TLS',
    region: 'Asia',
    aliases: ['East Timor', 'Democratic Republic of Timor-Leste'],
    ldc: since('2003'),
    note: 'Member since 30 August 2024 (domain.md [C]).'
  },
  {name: 'Togo', iso3: 'TGO', region: 'Africa', ldc},
  {name: 'Tonga', iso3: 'TON', region: 'Asia'},
  {name: 'Trinidad and Tobago', iso3: 'TTO', region: americas},
  {name: 'Tunisia', iso3: 'TUN', region: 'Africa'},
  {name: 'Türkiye', iso3: 'TUR', region: 'Europe', aliases: ['Turkey'], note: 'WTO name since June 2022.'},
  {name: 'Uganda', iso3: 'UGA', region: 'Africa', ldc},
  {name: 'Ukraine', iso3: 'UKR', region: 'CIS'},
  {name: 'United Arab Emirates', article: 'the', iso3: 'ARE', region: 'Middle East', aliases: ['UAE']},
  {
    name: 'United Kingdom',
    article: 'the',
    iso3: 'GBR',
    region: 'Europe',
    developed: true,
    aliases: ['UK', 'Great Britain', 'Britain', 'United Kingdom of Great Britain and Northern Ireland']
  },
  {
    name: 'United States of America',
    article: 'the',
    iso3: 'USA',
    region: 'North America',
    developed: true,
    aliases: ['United States', 'USA', 'US']
  },
  {name: 'Uruguay', iso3: 'URY', region: americas},
  {name: 'Vanuatu', iso3: 'VUT', region: 'Asia', ldc: graduated('2020-12-04')},
  {
    name: 'Venezuela, Bolivarian Republic of',
    article: 'the',
    inSentence: 'Bolivarian Republic of Venezuela',
    iso3: 'VEN',
    region: americas,
    aliases: ['Venezuela', 'Bolivarian Republic of Venezuela']
  },
  {name: 'Viet Nam', iso3: 'VNM', region: 'Asia', aliases: ['Vietnam']},
  {name: 'Yemen', iso3: 'YEM', region: 'Middle East', ldc},
  {name: 'Zambia', iso3: 'ZMB', region: 'Africa', ldc},
  {name: 'Zimbabwe', iso3: 'ZWE', region: 'Africa'}
]

export const members: EntryInput[] = rows.map((row) => ({...row, kind: 'member', sources: ['domain-members']}))

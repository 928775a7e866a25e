// The 23 WTO observer governments (source `domain-observers`). Spellings are domain.md's, partly [U]: the common
// spellings are aliases.
import type {EntryInput} from './schema.js'

type Row = Omit<EntryInput, 'kind' | 'sources'>

const rows: Row[] = [
  {name: 'Algeria', iso3: 'DZA', region: 'Africa'},
  {name: 'Andorra', iso3: 'AND', region: 'Europe'},
  {name: 'Azerbaijan', iso3: 'AZE', region: 'CIS'},
  {name: 'Bahamas', iso3: 'BHS', region: 'South and Central America and the Caribbean'},
  {name: 'Belarus', iso3: 'BLR', region: 'CIS'},
  {name: 'Bhutan', iso3: 'BTN', region: 'Asia', ldc: [{to: '2023-12-13', sources: ['domain-ldc']}]},
  {name: 'Bosnia and Herzegovina', iso3: 'BIH', region: 'Europe', aliases: ['Bosnia-Herzegovina', 'Bosnia']},
  {name: 'Curaçao', iso3: 'CUW', region: 'South and Central America and the Caribbean'},
  {name: 'Equatorial Guinea', iso3: 'GNQ', region: 'Africa', ldc: [{to: '2017-06-04', sources: ['un-ldc']}]},
  {name: 'Ethiopia', iso3: 'ETH', region: 'Africa', ldc: [{sources: ['domain-ldc']}]},
  {name: 'Holy See', iso3: 'VAT', region: 'Europe', aliases: ['Vatican', 'Vatican City']},
  {
    name: 'Iran',
    iso3: 'IRN',
    region: 'Middle East',
    aliases: ['Iran, Islamic Republic of', 'Islamic Republic of Iran']
  },
  {name: 'Iraq', iso3: 'IRQ', region: 'Middle East'},
  {name: 'Lebanese Republic', iso3: 'LBN', region: 'Middle East', aliases: ['Lebanon']},
  {name: 'Libya', iso3: 'LBY', region: 'Africa'},
  {name: 'Sao Tomé and Principe', iso3: 'STP', region: 'Africa', ldc: [{to: '2024-12-13', sources: ['domain-ldc']}]},
  {name: 'Serbia', iso3: 'SRB', region: 'Europe'},
  {name: 'Somalia', iso3: 'SOM', region: 'Africa', ldc: [{sources: ['domain-ldc']}]},
  {name: 'South Sudan', iso3: 'SSD', region: 'Africa', ldc: [{sources: ['domain-ldc']}]},
  {name: 'Sudan', iso3: 'SDN', region: 'Africa', ldc: [{sources: ['domain-ldc']}]},
  {name: 'Syrian Arab Republic', iso3: 'SYR', region: 'Middle East', aliases: ['Syria']},
  {name: 'Turkmenistan', iso3: 'TKM', region: 'CIS'},
  {name: 'Uzbekistan', iso3: 'UZB', region: 'CIS'}
]

export const observers: EntryInput[] = rows.map((row) => ({...row, kind: 'observer', sources: ['domain-observers']}))

// `npm run docs`: write the README's rule table and docs/rules.md from the rule catalogue (after `npm run build`).
import {readFileSync, writeFileSync} from 'node:fs'
import {ruleExamples} from '../test/helpers/rule-examples.mjs'
import {rulesPage, withRulesTable} from '../dist/pipeline/rules/docs.js'

writeFileSync('README.md', withRulesTable(readFileSync('README.md', 'utf8')))
writeFileSync('docs/rules.md', rulesPage(ruleExamples()))

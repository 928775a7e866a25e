// The documentation says what the code does: every rule, option and command it names exists, and back.
import {readFile} from 'node:fs/promises'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {rulesPage, withRulesTable} from '../pipeline/rules/docs.js'
import {ruleIds} from '../pipeline/rules/index.js'
import {ruleExamples} from './helpers/rule-examples.mjs'
import {art67} from './helpers/run-cli.js'

const readme = await readFile('README.md', 'utf8')

describe('documentation', () => {
  it('gives the two newcomer commands first', () => {
    expect(readme.split('\n').slice(0, 6).join('\n')).toContain('npm ci && npm start')
    expect(readme.split('\n').slice(0, 6).join('\n')).toContain('npm test')
  })

  it('has the rule table the catalogue gives, and docs/rules.md as generated', async () => {
    expect(withRulesTable(readme), 'README rule table is out of date: run `npm run docs`').toBe(readme)
    expect(await readFile('docs/rules.md', 'utf8'), 'docs/rules.md is out of date: run `npm run docs`').toBe(rulesPage(ruleExamples()))
    for (const id of ruleIds) expect(readme).toContain(`[\`${id}\`](docs/rules.md#${id})`)
  })

  it('documents every option of the command', () => {
    const help = art67(['--help']).stdout
    for (const option of help.matchAll(/--([a-z]+)/g)) expect(readme).toContain(`--${option[1]}`)
  })

  it('ships a workflow that checks with annotations and keeps the PDF and XLSX', async () => {
    const workflow = parse(await readFile('docs/github-workflow.yml', 'utf8'))
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request'])
    const runs = (job: string) => workflow.jobs[job].steps.map((step: {run?: string}) => step.run).filter(Boolean)
    expect(runs('check')).toContain('npx art67 check sources --format github')
    expect(runs('build')).toContain('npx art67 build sources --out out --format github')
    const upload = workflow.jobs.build.steps.find((step: {uses?: string}) => step.uses?.startsWith('actions/upload-artifact'))
    // In subfolders too: build puts the outputs of reports that share a name each in a folder of its own.
    expect(upload.with.path.split('\n')).toEqual(expect.arrayContaining(['out/**/*.pdf', 'out/**/*.xlsx']))
    expect(readme).toContain('docs/github-workflow.yml')
  })
})

// The documentation says what the code does: every rule, option and command it names exists, and back.
import {readFile} from 'node:fs/promises'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {rules} from '../pipeline/rules/index.js'
import {art67} from './helpers/run-cli.js'

const readme = await readFile('README.md', 'utf8')

describe('documentation', () => {
  it('gives the two newcomer commands first', () => {
    expect(readme.split('\n').slice(0, 6).join('\n')).toContain('npm ci && npm start')
    expect(readme.split('\n').slice(0, 6).join('\n')).toContain('npm test')
  })

  it('lists every rule id, and no rule that does not exist', () => {
    for (const id of Object.keys(rules)) expect(readme).toContain(`\`${id}\``)
    const table = readme.slice(readme.indexOf('### Rules'), readme.indexOf('## Command line'))
    const named = [...table.matchAll(/`([a-z]+(?:-[a-z0-9]+)+)`/g)].map((match) => match[1])
    for (const id of named) expect(Object.keys(rules)).toContain(id)
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
    expect(upload.with.path).toContain('out/*.pdf')
    expect(upload.with.path).toContain('out/*.xlsx')
    expect(readme).toContain('docs/github-workflow.yml')
  })
})

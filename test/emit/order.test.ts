// The emitters run with the PDF last (its layout is most of a build's memory), and the outputs keep the order of
// `emitters`, in every language.
import {describe, expect, it} from 'vitest'
import {emit, emitters} from '../../pipeline/emit/index.js'
import {loadTemplates} from '../../pipeline/templates.js'
import {sampleReport} from '../helpers/sample-report.js'

describe('the order of the emitters', () => {
  it('renders the PDF last and returns the outputs in the order of emitters', async () => {
    const rendered: string[] = []
    const outputs = await emit(sampleReport, await loadTemplates(), {instant: new Date(Date.UTC(2021, 8, 16)), languages: ['fr']}, (format, render) => {
      rendered.push(format)
      return render()
    })
    expect(rendered).toEqual(['xlsx', 'json', 'pdf', 'xlsx', 'pdf'])
    expect(emitters.map(({format}) => format)).toEqual(['pdf', 'xlsx', 'json'])
    expect(outputs.map(({name}) => name.replace(/^.*?(-fr)?\.(\w+)$/, '$2$1'))).toEqual(['pdf', 'xlsx', 'json', 'pdf-fr', 'xlsx-fr'])
  })
})

/**
 * publiccode.yml at the repository root is valid against the standard (version 0.4, see
 * test/helpers/publiccode-standard.ts) and says what the code does: the languages the UI speaks,
 * the Node version package.json needs, an open-source licence.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { LOCALES } from '../../shared/regie/text.ts'
import packageJson from '../../package.json' with { type: 'json' }
import { PubliccodeYml, SPDX_OPEN_SOURCE } from '../helpers/publiccode-standard.ts'

const FILE = path.resolve(import.meta.dirname, '../../publiccode.yml')

function read(): unknown {
  // YAML 1.2 (the standard's recommendation); duplicate keys are an error, not a silent overwrite.
  const document = parseDocument(fs.readFileSync(FILE, 'utf8'), { version: '1.2', uniqueKeys: true })
  expect(document.errors.map((error) => error.message)).toEqual([])
  return document.toJS()
}

describe('publiccode.yml', () => {
  it('is valid against the publiccode.yml 0.4 standard', () => {
    const result = PubliccodeYml.safeParse(read())
    expect(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('/')}: ${issue.message}`)).toEqual([])
  })

  it('is described in Dutch and English, the languages the app speaks', () => {
    const file = PubliccodeYml.parse(read())
    expect(Object.keys(file.description).sort()).toEqual(['en', 'nl'])
    expect([...file.localisation.availableLanguages].sort()).toEqual([...LOCALES].sort())
    expect(file.localisation.localisationReady).toBe(true)
  })

  it('names an open-source licence as an SPDX expression, and the Node version package.json needs', () => {
    const file = PubliccodeYml.parse(read())
    for (const id of file.legal.license.split(/\s+(?:AND|OR|WITH)\s+/)) expect(SPDX_OPEN_SOURCE.has(id.replace(/[()]/g, '')), id).toBe(true)
    const node = file.dependsOn?.open?.find((dependency) => dependency.name === 'Node.js')
    expect(`>=${String(node?.versionMin)}`).toBe(packageJson.engines.node)
    if (file.softwareVersion !== undefined) expect(file.softwareVersion).toBe(packageJson.version)
  })

  it('catches what the standard refuses (so the check can fail)', () => {
    const file = read() as Record<string, unknown>
    const broken = [
      { ...file, softwareType: 'website' },
      { ...file, categories: ['whiteboards'] },
      { ...file, description: { nl: { shortDescription: 'Kort', longDescription: 'Te kort', features: [] } } },
      { ...file, maintenance: { type: 'internal' } },
      { ...file, releaseDate: '30-11-2026' },
      { ...file, somethingElse: true },
      Object.fromEntries(Object.entries(file).filter(([key]) => key !== 'legal')),
    ]
    for (const candidate of broken) expect(PubliccodeYml.safeParse(candidate).success).toBe(false)
  })
})

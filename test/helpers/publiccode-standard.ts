/**
 * The publiccode.yml standard, version 0.4 (the "Standard for Public Code" metadata file the
 * Dutch and Italian governments use to list public software), as a zod schema: every key of the
 * core schema with its type, presence and allowed values, written from the standard's own
 * description, https://yml.publiccode.tools/schema.core.html (source:
 * github.com/publiccodeyml/publiccode.yml, docs/standard/schema.core.rst, with
 * categories-list.rst and scope-list.rst for the two controlled vocabularies).
 *
 * Written out rather than vendored so the test needs no network; what the standard says in prose
 * (a contact must be a real person, …) cannot be checked by a schema and is not.
 */
import { z } from 'zod'

/** YYYY-MM-DD, the only date format the standard allows. */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD')
const url = z.url({ protocol: /^https?$/ })
/** An IETF BCP 47 language tag; the primary language subtag may not be left out. */
const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'a BCP 47 language tag such as nl or en-GB')

const CATEGORIES = [
  'accounting', 'agile-project-management', 'applicant-tracking', 'application-development', 'appointment-scheduling', 'backup',
  'billing-and-invoicing', 'blog', 'budgeting', 'business-intelligence', 'business-process-management', 'cad', 'call-center-management',
  'cloud-management', 'collaboration', 'communications', 'compliance-management', 'contact-management', 'content-management', 'crm',
  'customer-service-and-support', 'data-analytics', 'data-collection', 'data-visualization', 'design', 'design-system',
  'digital-asset-management', 'digital-citizenship', 'document-management', 'donor-management', 'e-commerce', 'e-signature',
  'educational-content', 'email-management', 'email-marketing', 'employee-management', 'enterprise-project-management',
  'enterprise-social-networking', 'erp', 'event-management', 'facility-management', 'feedback-and-reviews-management',
  'financial-reporting', 'fleet-management', 'fundraising', 'gamification', 'geographic-information-systems', 'grant-management',
  'graphic-design', 'help-desk', 'hr', 'ide', 'identity-management', 'instant-messaging', 'inventory-management', 'it-asset-management',
  'it-development', 'it-management', 'it-security', 'it-service-management', 'knowledge-management', 'learning-management-system',
  'marketing', 'mind-mapping', 'mobile-marketing', 'mobile-payment', 'network-management', 'office', 'online-booking',
  'online-community', 'payment-gateway', 'payroll', 'predictive-analysis', 'procurement', 'productivity-suite', 'project-collaboration',
  'project-management', 'property-management', 'real-estate-management', 'remote-support', 'resource-management', 'sales-management',
  'seo', 'service-desk', 'social-media-management', 'survey', 'talent-management', 'task-management', 'taxes-management',
  'test-management', 'time-management', 'time-tracking', 'translation', 'video-conferencing', 'video-editing', 'visitor-management',
  'voip', 'warehouse-management', 'web-collaboration', 'web-conferencing', 'website-builder', 'whistleblowing', 'workflow-management',
] as const

const SCOPES = [
  'agriculture', 'culture', 'defence', 'education', 'emergency-services', 'employment', 'energy', 'environment',
  'finance-and-economic-development', 'foreign-affairs', 'healthcare', 'infrastructures', 'justice', 'local-authorities',
  'manufacturing', 'research', 'science-and-technology', 'security', 'society', 'sport', 'tourism', 'transportation', 'welfare',
] as const

const version = z.union([z.string(), z.number()])
const Dependency = z.strictObject({ name: z.string().min(1), versionMin: version.optional(), versionMax: version.optional(), version: version.optional(), optional: z.boolean().optional() })
const Contact = z.strictObject({ name: z.string().min(1), email: z.email().optional(), phone: z.string().optional(), affiliation: z.string().optional() })
const Contractor = z.strictObject({ name: z.string().min(1), until: date, email: z.email().optional(), website: url.optional() })

const Description = z.strictObject({
  localisedName: z.string().optional(),
  genericName: z.string().max(35).optional(), // deprecated
  shortDescription: z.string().min(1).max(150),
  longDescription: z.string().min(150).max(10_000),
  documentation: url.optional(),
  apiDocumentation: url.optional(),
  features: z.array(z.string().min(1)).min(1),
  screenshots: z.array(z.string()).optional(),
  videos: z.array(url).optional(),
  awards: z.array(z.string()).optional(),
})

const Maintenance = z
  .strictObject({
    type: z.enum(['internal', 'contract', 'community', 'none']),
    contractors: z.array(Contractor).optional(),
    contacts: z.array(Contact).optional(),
  })
  .refine((m) => m.type !== 'contract' || (m.contractors?.length ?? 0) > 0, 'maintenance/contractors is mandatory when the type is contract')
  .refine((m) => !['internal', 'community'].includes(m.type) || (m.contacts?.length ?? 0) > 0, 'maintenance/contacts is mandatory when the type is internal or community')

const CORE = {
  publiccodeYmlVersion: z.string().regex(/^0\.4(\.\d+)?$/, 'this schema checks version 0.4'),
  name: z.string().min(1),
  applicationSuite: z.string().optional(),
  url,
  landingURL: url.optional(),
  isBasedOn: z.union([z.string(), z.array(z.string())]).optional(),
  softwareVersion: z.string().optional(),
  releaseDate: date.optional(),
  logo: z.string().optional(),
  monochromeLogo: z.string().optional(), // deprecated
  inputTypes: z.array(z.string()).optional(), // deprecated
  outputTypes: z.array(z.string()).optional(), // deprecated
  platforms: z.union([z.string(), z.array(z.string()).min(1)]),
  categories: z.array(z.enum(CATEGORIES)).min(1),
  usedBy: z.array(z.string()).optional(),
  roadmap: url.optional(),
  developmentStatus: z.enum(['concept', 'development', 'beta', 'stable', 'obsolete']),
  softwareType: z.enum(['standalone/mobile', 'standalone/iot', 'standalone/desktop', 'standalone/web', 'standalone/backend', 'standalone/other', 'addon', 'library', 'configurationFiles']),
  intendedAudience: z
    .strictObject({
      countries: z.array(z.string().regex(/^[a-z]{2}$/)).optional(),
      unsupportedCountries: z.array(z.string().regex(/^[a-z]{2}$/)).optional(),
      scope: z.array(z.enum(SCOPES)).optional(),
    })
    .optional(),
  description: z.record(languageTag, Description).refine((d) => Object.keys(d).length > 0, 'description needs at least one language'),
  legal: z.strictObject({
    license: z.string().min(1),
    mainCopyrightOwner: z.string().optional(),
    repoOwner: z.string().optional(),
    authorsFile: z.string().optional(), // deprecated
  }),
  maintenance: Maintenance,
  localisation: z.strictObject({ localisationReady: z.boolean(), availableLanguages: z.array(languageTag).min(1) }),
  dependsOn: z.strictObject({ open: z.array(Dependency).optional(), proprietary: z.array(Dependency).optional(), hardware: z.array(Dependency).optional() }).optional(),
}

/** Country-specific sections are keyed by a two-letter country code and carry their own version. */
const CountrySection = z.looseObject({ countryExtensionVersion: z.string() })

export const PubliccodeYml = z
  .looseObject(CORE)
  .superRefine((file, context) => {
    for (const key of Object.keys(file)) {
      if (key in CORE) continue
      if (!/^[a-z]{2}$/.test(key)) context.addIssue({ code: 'custom', path: [key], message: `"${key}" is not a key of the standard (nor a country section)` })
      else if (!CountrySection.safeParse(file[key]).success) context.addIssue({ code: 'custom', path: [key], message: 'a country section needs countryExtensionVersion' })
    }
  })

/** The licence key must be an SPDX expression; these are the ids an open-source project is likely to use. */
export const SPDX_OPEN_SOURCE = new Set(['EUPL-1.2', 'EUPL-1.1', 'AGPL-3.0-only', 'AGPL-3.0-or-later', 'GPL-3.0-only', 'GPL-3.0-or-later', 'LGPL-3.0-or-later', 'MPL-2.0', 'Apache-2.0', 'MIT', 'BSD-3-Clause', 'ISC'])

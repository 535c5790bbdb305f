/**
 * The knowledge file's schema. Every file under assets/knowledge/ is one
 * `KnowledgePart`; the build merges them (see load.ts) and checks the result
 * for consistency (see consistency.ts).
 */
import { z } from 'zod';

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real calendar date');
export type IsoDate = z.infer<typeof IsoDate>;

/** ISO 3166-1 alpha-3, plus XKX for Kosovo (the user-assigned code the EU and IMF use). */
export const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as JPN');

export const SourceUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL of the source' });

/** What an office means for a country card. An office can be several at once (the US president). */
export const OfficeRole = z.enum([
  'head_of_state', 'head_of_government', 'foreign_minister',
  'defence_minister', 'finance_minister', 'national_security_adviser',
  /** The head of an international organisation or of one of its institutions (the EU has four). */
  'organisation_leader',
  'spokesperson', 'other',
]);
export type OfficeRole = z.infer<typeof OfficeRole>;

/** An organisation's key: its English Wikipedia title ("NATO", "European Union"). */
export const OrganisationKey = z.string().min(2);

export const Office = z.strictObject({
  /** As a reader would name it: "Prime Minister of Japan", "Minister of Foreign Affairs of China". */
  title: z.string().min(3),
  roles: z.array(OfficeRole).min(1),
  /** The state whose office it is; an organisation's office names the organisation instead. */
  country: Iso3.optional(),
  organisation: OrganisationKey.optional(),
  start: IsoDate,
  /** null while in office at the snapshot date. The last day in office (often the successor's first day). */
  end: IsoDate.nullable(),
  /** Acting or interim holders may overlap the holder they stand in for. */
  acting: z.boolean().optional(),
  source: SourceUrl,
  /** The day they were elected or appointed, before taking office: between the two they are "President-elect" or "incoming". */
  elected: z.strictObject({ date: IsoDate, source: SourceUrl }).optional(),
}).refine((o) => (o.country === undefined) !== (o.organisation === undefined), 'an office belongs to exactly one country or one organisation');
export type Office = z.infer<typeof Office>;

/**
 * A name as it is written in text: no line breaks, tabs or other control
 * characters (the compiled index keeps one name a line, and no page writes a
 * name with them).
 */
const NameText = z.string().regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain line breaks or other control characters');

export const Person = z.strictObject({
  /** The English Wikipedia article title, exactly: it is the person's id. */
  wikipedia: z.string().min(2),
  /** The name as English-language news writes it. */
  name: NameText.min(2),
  /** Names in the person's own script(s): 王毅, 菅義偉, 강경화. */
  native: z.array(NameText.min(1)).default([]),
  /**
   * The family name in the person's own script where its length cannot be read off the native name (Japanese:
   * 菅 of 菅義偉, 岸田 of 岸田文雄), as papers write it before a title (岸田首相). Chinese and Korean surnames are
   * the native name's first character and need none.
   */
  nativeSurnames: z.array(NameText.min(1)).optional(),
  /** Other full names and spellings: "Michael Pompeo", "Recep Tayyip Erdogan", "Kang Kyung Wha". */
  aliases: z.array(NameText.min(2)).default([]),
  /** The name news uses alone on second reference: "Suga", "Wang", "Kang". */
  surname: NameText.min(1),
  country: Iso3,
  born: z.number().int().min(1900).max(2010).optional(),
  summary: z.string().min(20).max(400),
  offices: z.array(Office).min(1),
});
export type Person = z.infer<typeof Person>;

export const EventKind = z.enum([
  'visit', 'summit', 'talks', 'call', 'agreement', 'election', 'inauguration', 'resignation', 'appointment', 'statement', 'conflict', 'other',
]);
export type EventKind = z.infer<typeof EventKind>;

export const KnowledgeEvent = z.strictObject({
  /** Stable slug: "2020-11-24-wang-yi-visits-japan". */
  id: z.string().regex(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$/, 'must be a slug that starts with the date: 2020-11-24-wang-yi-visits-japan'),
  start: IsoDate,
  end: IsoDate,
  title: z.string().min(5).max(120),
  summary: z.string().min(20).max(500),
  kind: EventKind,
  /** Wikipedia titles of tracked people. */
  people: z.array(z.string()).default([]),
  countries: z.array(Iso3).default([]),
  /** Keys of the organisations whose meeting or act it is ("NATO", "African Union"). */
  organisations: z.array(z.string().min(2)).default([]),
  place: z.strictObject({ country: Iso3, city: z.string().optional() }).optional(),
  source: SourceUrl,
});
export type KnowledgeEvent = z.infer<typeof KnowledgeEvent>;

/** Hand corrections and news-style additions on top of the world-countries dataset. */
export const CountryPatch = z.strictObject({
  iso3: Iso3,
  /** Replace the dataset's common name ("United States" rather than "United States of America"). */
  name: NameText.optional(),
  official: NameText.optional(),
  /** Extra names news uses: "U.S.", "America", "Britain", "South Korea". */
  aliases: z.array(NameText).default([]),
  /** Names the dataset carries that news does not use for this country, to drop. */
  dropAliases: z.array(z.string()).default([]),
  demonyms: z.array(NameText).default([]),
  /** Capital city override, and other seats that stand for the government ("Washington"). */
  capital: NameText.optional(),
  governmentSeats: z.array(NameText).default([]),
  region: z.string().optional(),
  /** A name that is also an ordinary word or a common personal name (Turkey, Jordan, Chad, Georgia): matched only with care. */
  ambiguousNames: z.array(z.string()).default([]),
  /** Add a place the dataset lacks. Needs name, official, capital and flag. */
  flag: z.string().optional(),
  unMember: z.boolean().optional(),
  /** Keep a dataset entry that the default selection would leave out, or leave one out. */
  include: z.boolean().optional(),
});
export type CountryPatch = z.infer<typeof CountryPatch>;

/** The offices every state is expected to have a holder of on every day of the span. */
export const TrackedRole = z.enum(['head_of_state', 'head_of_government', 'foreign_minister']);
export type TrackedRole = z.infer<typeof TrackedRole>;

/**
 * A real gap in an office (a presidency left vacant, a pope's death before the
 * conclave): from the first day with no holder to the day the next holder took
 * office, the same convention as an office's end.
 */
export const Vacancy = z.strictObject({
  country: Iso3,
  role: TrackedRole,
  start: IsoDate,
  end: IsoDate.nullable(),
  reason: z.string().min(10).max(300),
  source: SourceUrl,
});
export type Vacancy = z.infer<typeof Vacancy>;

/**
 * Days on which the stored sources name no holder to the day: the holder is
 * left out rather than guessed, and the days are listed here so that they are
 * known, counted and filled when a source is found. Only a foreign minister of
 * a state outside the G20 may be unconfirmed (a test holds the rest complete).
 */
export const UnconfirmedHolder = z.strictObject({
  country: Iso3,
  role: TrackedRole,
  start: IsoDate,
  /** The last uncertain day, inclusive. */
  end: IsoDate,
  reason: z.string().min(10).max(400),
});
export type UnconfirmedHolder = z.infer<typeof UnconfirmedHolder>;

/** An office deliberately not tracked (a collective or rotating headship news rarely names), with the reason. */
export const CoverageException = z.strictObject({
  country: Iso3,
  role: TrackedRole,
  reason: z.string().min(10).max(300),
});
export type CoverageException = z.infer<typeof CoverageException>;

/** A state whose offices are known only up to a day before the snapshot: the card says so instead of showing stale holders as current. */
export const CountryCoverage = z.strictObject({
  country: Iso3,
  knownUntil: IsoDate,
  note: z.string().min(10).max(300),
});
export type CountryCoverage = z.infer<typeof CountryCoverage>;

/**
 * Offices added to a person written in another file (a prime minister who
 * later chaired the African Union), so that each part stays in its own file
 * and no person is written twice.
 */
export const ExtraOffices = z.strictObject({
  wikipedia: z.string().min(2),
  offices: z.array(Office).min(1),
  /** More names for the person, as news writes them in this part's context. */
  aliases: z.array(NameText.min(2)).default([]),
});
export type ExtraOffices = z.infer<typeof ExtraOffices>;

/**
 * Names for a person written in another file: the Japanese, Chinese and
 * Korean press write foreign leaders in katakana, Chinese characters and
 * Hangul (バイデン, 拜登, 바이든), kept in a file of their own by language.
 */
export const ExtraNames = z.strictObject({
  wikipedia: z.string().min(2),
  native: z.array(NameText.min(1)).default([]),
  /** Own-script family names, as Person.nativeSurnames. */
  nativeSurnames: z.array(NameText.min(1)).optional(),
  aliases: z.array(NameText.min(2)).default([]),
});
export type ExtraNames = z.infer<typeof ExtraNames>;

/**
 * The day someone was elected or appointed to an office they took later
 * (written apart from the office, in a file of its own, by whoever found it).
 * It must come before the office's start.
 */
export const Designation = z.strictObject({
  wikipedia: z.string().min(2),
  /** The office's title and start, exactly as the person's office has them. */
  title: z.string().min(3),
  start: IsoDate,
  /** Election day, or the day of the appointment (the parliament's vote, the monarch's commission). */
  elected: IsoDate,
  source: SourceUrl,
});
export type Designation = z.infer<typeof Designation>;

/**
 * A change of membership since 2017: a state that joined or left (Finland in
 * NATO, the UK leaving the EU). Members before 2017 that stayed need no dates.
 */
export const Membership = z.strictObject({
  country: Iso3,
  /** The day it became a member, when that is 2017-01-01 or later. */
  since: IsoDate.optional(),
  /** The day it stopped being one (its membership ended on the day before). */
  until: IsoDate.optional(),
  source: SourceUrl.optional(),
}).refine((m) => (m.since === undefined && m.until === undefined) || m.source !== undefined, 'a dated change of membership needs its source');
export type Membership = z.infer<typeof Membership>;

/** A member's rights suspended for a while (the AU after a coup). */
export const Suspension = z.strictObject({
  country: Iso3,
  start: IsoDate,
  end: IsoDate.nullable(),
  source: SourceUrl,
});
export type Suspension = z.infer<typeof Suspension>;

export const Organisation = z.strictObject({
  /** The English Wikipedia article title, exactly: it is the organisation's id. */
  wikipedia: OrganisationKey,
  /** The name as English-language news writes it in full: "European Union". */
  name: NameText.min(2),
  /** Other full names and spellings: "North Atlantic Treaty Organization", "Nato". */
  aliases: z.array(NameText.min(2)).default([]),
  /** Capital-letter short forms: "EU", "NATO", "U.N.". Matched only as written, never inside other words. */
  acronyms: z.array(NameText.min(2)).default([]),
  /** Names in Japanese, Chinese and Korean and other scripts: 国連, 联合国, 유엔. */
  native: z.array(NameText.min(1)).default([]),
  /** The city of its headquarters or secretariat, and that city's country. */
  seat: z.strictObject({ city: NameText.min(2), country: Iso3 }).optional(),
  founded: z.number().int().min(1800).max(2030),
  summary: z.string().min(20).max(400),
  members: z.array(Membership).default([]),
  /** Members that are organisations themselves (the EU and the AU in the G20). */
  memberOrganisations: z.array(OrganisationKey).default([]),
  suspensions: z.array(Suspension).default([]),
  source: SourceUrl,
});
export type Organisation = z.infer<typeof Organisation>;

export const KnowledgePart = z.strictObject({
  $comment: z.string().optional(),
  /** Only in meta.json: the date up to which roles are known. */
  asOf: IsoDate.optional(),
  countries: z.array(CountryPatch).default([]),
  people: z.array(Person).default([]),
  extraOffices: z.array(ExtraOffices).default([]),
  extraNames: z.array(ExtraNames).default([]),
  designations: z.array(Designation).default([]),
  organisations: z.array(Organisation).default([]),
  events: z.array(KnowledgeEvent).default([]),
  vacancies: z.array(Vacancy).default([]),
  exceptions: z.array(CoverageException).default([]),
  coverage: z.array(CountryCoverage).default([]),
  unconfirmed: z.array(UnconfirmedHolder).default([]),
});
export type KnowledgePart = z.infer<typeof KnowledgePart>;

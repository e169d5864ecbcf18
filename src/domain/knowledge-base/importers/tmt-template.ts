import { z } from 'zod';
import { refuseReservedName } from '../input-limits';

/**
 * The parts of a Microsoft Threat Modeling Tool template (.tb7, or the <KnowledgeBase> inside a
 * .tm7 model) that the import reads, as fast-xml-parser hands them over: every value a string,
 * an empty element as "", an element with attributes as an object with its text under "#text".
 * Empty elements are turned into their empty shape first (preprocess, not a union), so a problem
 * deep inside is reported at its own path rather than as "Invalid input" on the container.
 */

/** Tags that may repeat, so the parser always makes them lists (see parseXmlText). */
export const TMT_LIST_TAGS = ['ThreatType', 'ThreatCategory', 'ThreatMetaDatum', 'Value', 'ElementType'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const XmlText = z.preprocess(
  (v) => (v === undefined ? '' : isRecord(v) ? (v['#text'] ?? '') : v),
  z.string().transform((t) => t.trim()),
);

const element = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.preprocess((v) => (v === '' || v === undefined ? {} : v), z.looseObject(shape));

const listOf = <T extends z.ZodType>(item: T) => z.array(item).default([]);

export const TmtProperty = z.looseObject({
  Name: XmlText,
  Label: XmlText,
  Values: element({ Value: listOf(XmlText) }),
});
export type TmtProperty = z.output<typeof TmtProperty>;

export const TmtThreatType = z.looseObject({
  // The Id becomes the threat's id, which keys lookups.
  Id: XmlText.pipe(z.string().min(1, 'is missing or empty').superRefine(refuseReservedName)),
  ShortTitle: XmlText,
  Category: XmlText,
  Description: XmlText,
  GenerationFilters: element({ Include: XmlText, Exclude: XmlText }),
  PropertiesMetaData: element({ ThreatMetaDatum: listOf(TmtProperty) }),
});
export type TmtThreatType = z.output<typeof TmtThreatType>;

const TmtElement = z.looseObject({ ID: XmlText, Name: XmlText, ParentElement: XmlText });
export type TmtElement = z.output<typeof TmtElement>;

export const TmtKnowledgeBase = z.looseObject({
  Manifest: element({ '@_name': z.string().default(''), '@_version': z.string().default('') }),
  ThreatCategories: element({ ThreatCategory: listOf(z.looseObject({ Id: XmlText, Name: XmlText })) }),
  GenericElements: element({ ElementType: listOf(TmtElement) }),
  StandardElements: element({ ElementType: listOf(TmtElement) }),
  // Required: a KnowledgeBase without it is not a threat template.
  ThreatTypes: z.preprocess((v) => (v === '' ? {} : v), z.looseObject({ ThreatType: listOf(TmtThreatType) })),
});
export type TmtKnowledgeBase = z.output<typeof TmtKnowledgeBase>;

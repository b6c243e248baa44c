import { z } from 'zod';
import { entryId, sampleFlag } from './common.ts';
import { field } from './field.ts';

/** A demonstration belt (示范带): a route of ordered sites, `content/belts/<id>.yaml`. */
export const beltSchema = z.strictObject({
  /** ASCII id, equal to the file name. */
  id: entryId(),
  /** Name, e.g. 琶洲数字经济党建示范带. */
  name: field(z.string().min(4), { label: '示范带名称' }),
  /** What the belt is and who runs it. */
  description: field(z.string().min(10), { label: '简介' }),
  sample: sampleFlag(),
});

export type Belt = z.infer<typeof beltSchema>;

import { type CollectionEntry, getCollection } from 'astro:content';
import { buildCatalog, type Catalog, type Item } from '../lib/catalog.ts';
import { toPublic } from '../lib/privacy.ts';
import { schemaOf } from '../schema/index.ts';

type PublicCollection = 'streets' | 'brands' | 'belts' | 'sites' | 'campaigns' | 'submissions' | 'progress';
export type PublicEntry = CollectionEntry<PublicCollection>;

/**
 * Every page reads content through here: each entry passes the privacy
 * projection before any page sees it, so no page can print a private field.
 */
async function load<N extends PublicCollection>(name: N) {
  const entries = await getCollection(name);
  return entries.map((entry) => {
    const data = toPublic(schemaOf(name), entry.data);
    // The entry keeps its rendered Markdown for <Content />, with its data projected too.
    return { id: entry.id, data, entry: { ...entry, data } as CollectionEntry<N> };
  });
}

let catalog: Promise<Catalog<PublicEntry>> | undefined;

/** The public catalog, built once per build. */
export function getCatalog(): Promise<Catalog<PublicEntry>> {
  catalog ??= (async () => {
    const [streets, brands, belts, sites, campaigns, submissions, progress] = await Promise.all([
      load('streets'),
      load('brands'),
      load('belts'),
      load('sites'),
      load('campaigns'),
      load('submissions'),
      load('progress'),
    ]);
    return buildCatalog<PublicEntry>({ streets, brands, belts, sites, campaigns, submissions, progress } as never);
  })();
  return catalog;
}

export type { Item };

import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CONTENT_DIR } from './content-dir.ts';
import { collections as specs } from './schema/index.ts';

/**
 * Astro collections for the public content, from the same schemas the
 * validator uses. Private collections (judges, reviews) are not collections of
 * the public build at all, so they cannot leak from it.
 */
const collection = (name: 'streets' | 'brands' | 'belts' | 'sites' | 'campaigns' | 'submissions' | 'progress') => {
  const spec = specs[name];
  return defineCollection({
    loader: glob({
      base: `${CONTENT_DIR}/${name}`,
      pattern: spec.format === 'md' ? '**/*.md' : '**/*.yaml',
      generateId: ({ data }) => String(data[spec.fileNameField]),
    }),
    schema: ({ image }) => spec.schema(image()),
  });
};

export const collections = {
  streets: collection('streets'),
  brands: collection('brands'),
  belts: collection('belts'),
  sites: collection('sites'),
  campaigns: collection('campaigns'),
  submissions: collection('submissions'),
  progress: collection('progress'),
};

import type { GetStaticPaths } from 'astro';
import { entryPoints } from '../../../lib/cms/config.ts';
import { cmsContext } from '../_context.ts';

export { configRoute as GET } from '../_config.ts';

export const getStaticPaths = (async () =>
  entryPoints(await cmsContext())
    .filter((point) => point.slug)
    .map((point) => ({ params: { entry: point.slug } }))) satisfies GetStaticPaths;

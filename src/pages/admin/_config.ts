import type { APIRoute } from 'astro';
import { stringify } from 'yaml';
import { buildCmsConfig } from '../../lib/cms/config.ts';
import { cmsContext, entryFor } from './_context.ts';

/** Serves one entry point's Decap configuration as config.yml, generated from the schemas. */
export const configRoute: APIRoute = async ({ params }) => {
  const { config } = buildCmsConfig(entryFor(params.entry), await cmsContext());
  const text = `# 由 src/lib/cms/config.ts 从内容模型（src/schema/）生成，不要手改。\n${stringify(config, { lineWidth: 0 })}`;
  return new Response(text, { headers: { 'content-type': 'text/yaml; charset=utf-8' } });
};

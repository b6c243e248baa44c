import type { APIRoute, GetStaticPaths } from 'astro';
import { stringify } from 'yaml';
import { buildCmsConfig } from '../../../src/lib/cms/config.ts';
import { reviewCmsContext, reviewEntryPoint } from '../../cms.ts';

export const getStaticPaths = (() =>
  reviewEntryPoint() ? [{ params: { admin: 'admin' } }] : []) satisfies GetStaticPaths;

/** The judges' editor's Decap configuration, generated from the schemas for this build's audience. */
export const GET: APIRoute = () => {
  const entry = reviewEntryPoint() ?? { kind: 'review' as const };
  const { config } = buildCmsConfig(entry, reviewCmsContext());
  const text = `# 由 src/lib/cms/config.ts 从内容模型（src/schema/）生成，不要手改。\n${stringify(config, { lineWidth: 0 })}`;
  return new Response(text, { headers: { 'content-type': 'text/yaml; charset=utf-8' } });
};

import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { getCatalog } from '../../../data/public.ts';
import { cardSvg } from '../../../lib/og-card.ts';
import { BRAND_CATEGORIES } from '../../../schema/index.ts';

/** /og/brands/<id>.png: each brand's share card (og:image), 1200×630, drawn at build time. */
export const getStaticPaths = (async () => {
  const catalog = await getCatalog();
  return catalog.brands.map((brand) => ({
    params: { id: brand.id },
    props: {
      title: brand.data.title,
      street: catalog.street(brand.data.street)?.data.name ?? '',
      category: BRAND_CATEGORIES[brand.data.category],
      tagline: brand.data.tagline,
      sample: brand.data.sample,
    },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await sharp(Buffer.from(cardSvg(props as Parameters<typeof cardSvg>[0])))
    // Default compression: a quantised palette halves the file but costs ~8x the time per card,
    // which at thousands of brands is most of the build.
    .png()
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};

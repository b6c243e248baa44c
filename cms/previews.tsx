/**
 * Previews with the site's own markup and styles: the same elements and
 * classes as src/pages/brands/[id].astro and src/pages/sites/[id].astro, on
 * src/styles/global.css, so the editor sees the page the public will see.
 * (Astro components render at build time only, so the markup is mirrored
 * here; keep the two in step.)
 */
import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import type { ReactNode } from 'react';
import { toPoint } from '../src/lib/cms/picker.ts';
import { formatNumber } from '../src/lib/format.ts';
import { sitePath } from '../src/lib/site/url.ts';
import { BRAND_CATEGORIES, BRAND_STATUSES, SITE_TYPES } from '../src/schema/index.ts';
import { campaignTitle, streetName } from './context.ts';

type Data = Record<string, unknown>;
interface Image {
  src?: string;
  alt?: string;
}

const dataOf = (entry: PreviewTemplateComponentProps['entry']): Data =>
  (entry.get('data')?.toJS?.() as Data | undefined) ?? {};

const label = (table: Record<string, string>, key: unknown) => (typeof key === 'string' ? (table[key] ?? key) : '');
const list = <T,>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** Stable React keys for list items that may repeat (two pictures with one file): “src”, “src#2”, … */
function keyed<T>(items: T[], keyOf: (item: T) => unknown): [string, T][] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = String(keyOf(item) ?? '');
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return [count > 1 ? `${base}#${count}` : base, item];
  });
}

function Picture({
  image,
  getAsset,
  className,
}: {
  image: Image;
  getAsset: PreviewTemplateComponentProps['getAsset'];
  className?: string;
}) {
  if (!image.src) return null;
  const asset = getAsset(image.src);
  return <img src={asset ? String(asset) : image.src} alt={image.alt ?? ''} className={className} />;
}

function SampleBadge({ sample }: { sample: unknown }) {
  return sample ? (
    <span className="badge badge-sample" title="此条目为演示用示例，并非真实信息">
      示例
    </span>
  ) : null;
}

function Page({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="wrap">
      <p className="preview-note">预览：发布后公开页面的样子（链接在预览中不可用）</p>
      {children}
    </main>
  );
}

export function BrandPreview({ entry, widgetFor, getAsset }: PreviewTemplateComponentProps) {
  const data = dataOf(entry);
  const cover = data.cover as Image | undefined;
  const figures = list<{ label?: string; value?: number; unit?: string }>(data.figures);
  const gallery = list<Image>(data.gallery);
  const tags = list<string>(data.tags);
  return (
    <Page>
      <article>
        <header>
          <h1>
            {String(data.title ?? '')} <SampleBadge sample={data.sample} />
          </h1>
          <p className="lead">{String(data.tagline ?? '')}</p>
          <ul className="meta">
            <li>
              街道：<a href={sitePath(`/streets/${String(data.street ?? '')}/`)}>{streetName(data.street)}</a>
            </li>
            <li>类别：{label(BRAND_CATEGORIES, data.category)}</li>
            <li>状态：{label(BRAND_STATUSES, data.status)}</li>
            {data.year ? <li>年份：{String(data.year)}年</li> : null}
            {data.round ? <li>批次：{campaignTitle(data.round)}</li> : null}
          </ul>
          <p className="muted">责任组织：{String(data.organisation ?? '')}</p>
          {data.sample ? (
            <p className="notice">此品牌为演示用示例，内容为虚构，仅用于展示网站功能，并非真实的党建品牌信息。</p>
          ) : null}
        </header>
        {cover?.src ? <Picture image={cover} getAsset={getAsset} className="cover-image" /> : null}
        <p className="prose">{String(data.summary ?? '')}</p>
        {figures.length > 0 && (
          <section aria-labelledby="figures-title">
            <h2 id="figures-title">关键数据</h2>
            <dl className="figures">
              {keyed(figures, (figure) => figure.label).map(([key, figure]) => (
                <div key={key}>
                  <dt>{figure.label}</dt>
                  <dd>
                    {typeof figure.value === 'number' ? formatNumber(figure.value) : ''}
                    {figure.unit ? <small>{figure.unit}</small> : null}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        )}
        <section aria-labelledby="story-title" className="prose">
          <h2 id="story-title">品牌故事</h2>
          {widgetFor('body')}
        </section>
        {gallery.length > 0 && (
          <section aria-labelledby="gallery-title">
            <h2 id="gallery-title">图集</h2>
            <ul className="grid">
              {keyed(gallery, (image) => image.src).map(([key, image]) => (
                <li key={key}>
                  <figure className="card">
                    <Picture image={image} getAsset={getAsset} />
                    <figcaption className="card-body">{image.alt}</figcaption>
                  </figure>
                </li>
              ))}
            </ul>
          </section>
        )}
        {tags.length > 0 && (
          <section aria-labelledby="tags-title">
            <h2 id="tags-title">标签</h2>
            <ul className="meta">
              {keyed(tags, (tag) => tag).map(([key, tag]) => (
                <li key={key}>#{tag}</li>
              ))}
            </ul>
          </section>
        )}
      </article>
    </Page>
  );
}

export function SitePreview({ entry, getAsset }: PreviewTemplateComponentProps) {
  const data = dataOf(entry);
  const point = toPoint(data.point);
  const belt = data.belt as { belt?: string; order?: number } | undefined;
  const photos = list<Image>(data.photos);
  return (
    <Page>
      <h1>
        {String(data.name ?? '')} <SampleBadge sample={data.sample} />
      </h1>
      {data.sample ? <p className="notice">此阵地为演示用示例，名称、地址和开放时间均为虚构，请勿前往。</p> : null}
      <dl className="facts">
        <dt>类型</dt>
        <dd>{label(SITE_TYPES, data.type)}</dd>
        <dt>街道</dt>
        <dd>
          <a href={sitePath(`/streets/${String(data.street ?? '')}/`)}>{streetName(data.street)}</a>
        </dd>
        {data.community ? (
          <>
            <dt>社区</dt>
            <dd>{String(data.community)}</dd>
          </>
        ) : null}
        <dt>地址</dt>
        <dd>{String(data.address ?? '')}</dd>
        {data.hours ? (
          <>
            <dt>开放时间</dt>
            <dd>{String(data.hours)}</dd>
          </>
        ) : null}
        {belt?.belt ? (
          <>
            <dt>示范带</dt>
            <dd>
              {belt.belt} 第 {String(belt.order ?? '')} 站
            </dd>
          </>
        ) : null}
        <dt>坐标</dt>
        <dd>{point ? `东经 ${point.lng.toFixed(4)}°，北纬 ${point.lat.toFixed(4)}°（WGS-84）` : '尚未选择位置'}</dd>
      </dl>
      {photos.length > 0 && (
        <section aria-labelledby="photos-title">
          <h2 id="photos-title">照片</h2>
          <ul className="grid">
            {keyed(photos, (photo) => photo.src).map(([key, photo]) => (
              <li key={key}>
                <Picture image={photo} getAsset={getAsset} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}

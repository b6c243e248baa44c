/**
 * The Decap CMS entry, slim: decap-cms-core with only the widgets the
 * generated configuration uses, the local proxy backend, and the one
 * production backend the build is configured for (loaded on demand), instead
 * of decap-cms-app's every backend and widget. The configuration comes from
 * config.yml beside the page (generated from the schemas).
 */

import { ProxyBackend } from 'decap-cms-backend-proxy';
import CMS from 'decap-cms-core';
import { en, zh_Hans } from 'decap-cms-locales';
import BooleanWidget from 'decap-cms-widget-boolean';
import DateTimeWidget from 'decap-cms-widget-datetime';
import FileWidget from 'decap-cms-widget-file';
import ImageWidget from 'decap-cms-widget-image';
import ListWidget from 'decap-cms-widget-list';
import MarkdownWidget from 'decap-cms-widget-markdown';
import NumberWidget from 'decap-cms-widget-number';
import ObjectWidget from 'decap-cms-widget-object';
import RelationWidget from 'decap-cms-widget-relation';
import SelectWidget from 'decap-cms-widget-select';
import StringWidget from 'decap-cms-widget-string';
import TextWidget from 'decap-cms-widget-text';
import { fromJS } from 'immutable';
import { DISTRICT_WIDGET } from '../src/lib/cms/district-field.ts';
import { checkEntry, formatProblems } from '../src/lib/cms/entry-check.ts';
import globalCss from '../src/styles/global.css?inline';
import { pageContext } from './context.ts';
import { DistrictControl, DistrictPreview } from './district-field.tsx';
import { ID_WIDGET, IdControl, IdPreview } from './id-widget.tsx';
import { limitPhotoSize } from './photo-widget.ts';
import { PointControl, PointPreview } from './point-widget.tsx';
import previewCss from './preview.css?inline';
import { BrandPreview, SitePreview } from './previews.tsx';

type Registry = typeof CMS;
type WidgetParam = Parameters<Registry['registerWidget']>[0];

const PRODUCTION_BACKENDS: Record<string, () => Promise<unknown>> = {
  gitlab: () => import('decap-cms-backend-gitlab').then((module) => module.GitLabBackend),
  github: () => import('decap-cms-backend-github').then((module) => module.GitHubBackend),
  gitea: () => import('decap-cms-backend-gitea').then((module) => module.GiteaBackend),
};

/** Raised by the save check; Decap shows it as “保存内容失败: …”. */
class EntryRejected extends Error {
  override name = '内容检查未通过';
}

async function start() {
  const context = pageContext();
  CMS.registerBackend('proxy', ProxyBackend);
  const load = PRODUCTION_BACKENDS[context.backend];
  if (load) CMS.registerBackend(context.backend, await load());

  CMS.registerLocale('en', en);
  CMS.registerLocale('zh_Hans', zh_Hans);
  CMS.registerWidget(
    [
      StringWidget,
      TextWidget,
      NumberWidget,
      BooleanWidget,
      SelectWidget,
      ListWidget,
      ObjectWidget,
      RelationWidget,
      ImageWidget,
      FileWidget,
      MarkdownWidget,
      DateTimeWidget,
    ].map((widget) => widget.Widget()) as unknown as WidgetParam,
  );
  CMS.registerWidget('point', PointControl as never, PointPreview as never);
  // Fields the district decides, in a street office's editor (generated for `setBy: 'district'`).
  CMS.registerWidget(DISTRICT_WIDGET, DistrictControl as never, DistrictPreview as never);
  // Ids from Chinese titles (generated for every collection whose entries have a title).
  CMS.registerWidget(ID_WIDGET, IdControl as never, IdPreview as never);
  // Phone photos: Decap's media_processing re-encodes them; this fits their longest side first.
  limitPhotoSize();

  CMS.registerPreviewStyle(globalCss, { raw: true });
  CMS.registerPreviewStyle(previewCss, { raw: true });
  CMS.registerPreviewTemplate('brands', BrandPreview);
  CMS.registerPreviewTemplate('sites', SitePreview);

  // The last gate in the editor: the entry as it will be written, parsed with the build's own schema.
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const meta = context.collections[String(entry.get('collection'))];
      if (!meta) return undefined;
      const { data, problems } = checkEntry(meta, entry.get('data').toJS() as Record<string, unknown>);
      if (problems.length) throw new EntryRejected(formatProblems(problems));
      return fromJS(data);
    },
  });

  CMS.init();
}

void start();

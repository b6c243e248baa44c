/**
 * Each audience's review build behind its own login, as docs/deploy.md documents it
 * (renderReviewAudienceLocations in src/lib/security-headers.ts): nginx on 127.0.0.1 serving the
 * district's, one judge's and one street office's builds (built by global-setup), each location
 * with its own basic-auth account list. One audience's account is refused the others' pages.
 * nginx must be installed (.ci/run installs nginx-light): without it this fails.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { renderReviewAudienceLocations, reviewHeaders } from '../../src/lib/security-headers.ts';
import { type Nginx, startNginx } from '../support/nginx.ts';

const sites = inject('reviewSites');
/** One account per audience, named after it; nginx reads `{PLAIN}` passwords (tests only: use htpasswd -B). */
const account = (audience: string) => ({ user: audience.replace(':', '-'), password: `pw-${audience.length}-test` });

let nginx: Nginx | undefined;

beforeAll(async () => {
  nginx = await startNginx((port, prefix) => {
    const locations = sites.map((site) => {
      const { user, password } = account(site.audience);
      const userFile = join(prefix, `${user}.htpasswd`);
      writeFileSync(userFile, `${user}:{PLAIN}${password}\n`);
      return { audience: site.audience, base: site.base, root: `${site.outDir.replace(/\/+$/, '')}/`, userFile };
    });
    return [
      'server {',
      `  listen 127.0.0.1:${port};`,
      '  absolute_redirect off;',
      renderReviewAudienceLocations(locations).replace(/^/gm, '  '),
      '}',
    ].join('\n');
  });
});

afterAll(async () => {
  await nginx?.stop();
});

const get = (path: string, audience?: string) => {
  const headers: Record<string, string> = {};
  if (audience) {
    const { user, password } = account(audience);
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  return fetch(new URL(path, nginx?.url), { headers, redirect: 'manual' });
};

describe('nginx with one login per review audience', () => {
  it('serves three audiences', () => {
    expect(sites.map((site) => site.audience)).toEqual(['district', 'judge:judge-a', 'street:nanshitou']);
  });

  it.each(sites.map((site) => [site.audience, site] as const))('asks for a login on %s', async (_audience, site) => {
    const response = await get(site.base);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
  });

  it.each(sites.map((site) => [site.audience, site] as const))(
    'serves %s to its own account, with the review headers',
    async (audience, site) => {
      const response = await get(site.base, audience);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('评审工作台');
      for (const [name, value] of Object.entries(reviewHeaders())) expect(response.headers.get(name), name).toBe(value);
    },
  );

  it.each(
    sites.flatMap((owner) =>
      sites.filter((other) => other !== owner).map((other) => [other.audience, owner.audience, owner.base] as const),
    ),
  )('refuses the account of %s on the pages of %s', async (intruder, _owner, base) => {
    for (const path of [base, `${base}campaigns/2022-first-round/`, `${base}judges/judge-a/`]) {
      expect((await get(path, intruder)).status, path).toBe(401);
    }
  });

  it('serves a judge’s web editor to that judge only, with the CMS’s policy', async () => {
    const judge = sites.find((site) => site.audience.startsWith('judge:'));
    const path = `${judge?.base}admin/`;
    const response = await get(path, judge?.audience);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(reviewHeaders(path)['Content-Security-Policy']);
    expect(response.headers.get('content-security-policy')).toContain("'unsafe-eval'");
    expect((await get(`${path}config.yml`, judge?.audience)).status).toBe(200);
    expect((await get(`${path}config.yml`, 'district')).status).toBe(401);
  });

  it('gives a judge’s account its own pages, and none of the district’s beside them', async () => {
    const judge = sites.find((site) => site.audience.startsWith('judge:'));
    expect(judge).toBeDefined();
    const own = await get(`${judge?.base}judges/judge-a/`, judge?.audience);
    expect(own.status).toBe(200);
    expect((await get('/review/judges/', judge?.audience)).status).toBe(401);
    expect((await get('/review/streets/nanshitou/', judge?.audience)).status).toBe(401);
  });
});

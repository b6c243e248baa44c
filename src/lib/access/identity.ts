/**
 * Who pushed, as the platform authenticated them. Never a commit's author or
 * committer (Decap in the browser, or a local Git, sets those to anything),
 * and never a variable the pusher can set where the platform's own is there.
 */

/** Where each platform's CI puts the account that pushed or started the pipeline. */
export const CI_VARIABLES = ['GITLAB_USER_LOGIN', 'GITEA_ACTOR', 'GITHUB_ACTOR'] as const;

/** For other CI systems: set from the platform's login by the pipeline, read only where none of the above is. */
export const FALLBACK_VARIABLE = 'CI_PUSHER';

/** Where a Git server gives a pre-receive hook the authenticated pusher: GitLab, Gitea, git-http-backend. */
export const SERVER_VARIABLES = ['GL_USERNAME', 'GITEA_PUSHER_NAME', 'REMOTE_USER'] as const;

export type Pusher = { account: string; variable: string } | { problem: string };

type Env = Readonly<Record<string, string | undefined>>;

const set = (env: Env, names: readonly string[]) =>
  names.flatMap((name) => {
    const value = env[name]?.trim();
    return value ? [{ variable: name, account: value }] : [];
  });

/** One account from the variables that are set, or a problem when they name different accounts. */
function agree(found: { variable: string; account: string }[], names: readonly string[]): Pusher {
  if (!found.length) return { problem: `不知道是谁推送的：${names.join('、')} 都没有设置（应由平台按登录身份设置）` };
  const accounts = new Set(found.map((item) => item.account.toLowerCase()));
  if (accounts.size > 1) {
    return {
      problem: `推送者身份互相矛盾：${found.map((item) => `${item.variable}=${item.account}`).join('，')}；拒绝检查（有人试图冒用身份）`,
    };
  }
  return found[0];
}

/**
 * The pusher in CI: the platform's variable; CI_PUSHER only where the platform
 * sets none, and a CI_PUSHER that contradicts the platform is refused.
 */
export function ciPusher(env: Env): Pusher {
  const platform = set(env, CI_VARIABLES);
  const fallback = set(env, [FALLBACK_VARIABLE]);
  if (!platform.length) return agree(fallback, [...CI_VARIABLES, FALLBACK_VARIABLE]);
  return agree([...platform, ...fallback], CI_VARIABLES);
}

/** The pusher in a Git server's pre-receive hook. */
export const serverPusher = (env: Env): Pusher => agree(set(env, SERVER_VARIABLES), SERVER_VARIABLES);

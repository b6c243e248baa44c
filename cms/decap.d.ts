/** Types for the Decap packages that ship none (decap-cms-core has its own). */
declare module 'decap-cms-backend-proxy' {
  export const ProxyBackend: unknown;
}
declare module 'decap-cms-backend-gitlab' {
  export const GitLabBackend: unknown;
}
declare module 'decap-cms-backend-github' {
  export const GitHubBackend: unknown;
}
declare module 'decap-cms-backend-gitea' {
  export const GiteaBackend: unknown;
}
declare module 'decap-cms-locales' {
  export const en: unknown;
  export const zh_Hans: unknown;
}
declare module 'decap-cms-widget-*' {
  const widget: { Widget: (options?: object) => unknown };
  export default widget;
}

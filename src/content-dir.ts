/**
 * The content folder: `content/` in the repository, or another folder named by
 * CONTENT_DIR (the benchmark and the privacy test build from generated copies).
 */
export const CONTENT_DIR = (process.env.CONTENT_DIR ?? 'content').replace(/\/+$/, '');

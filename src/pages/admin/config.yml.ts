export { configRoute as GET } from './_config.ts';

/**
 * Whether this browser can draw a MapLibre map at all (MapLibre 6 needs
 * WebGL2). The test context is released at once, so checking costs no GPU
 * context of the page's limited few. Used by the map loader and the CMS
 * coordinate picker.
 */
export function hasWebGL2(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return Boolean(gl);
  } catch {
    return false;
  }
}

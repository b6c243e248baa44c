/**
 * MapLibre GL JS, loaded only by the map modules (which are themselves loaded
 * only when /map/'s map is asked for or a mini-map scrolls into view). Its
 * worker is served by the build, so its URL is set explicitly: without it the
 * worker would 404.
 */
import { GPUInitializationError, Map as MapLibreMap, type MapOptions, prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);
// Start the worker now, while the page decodes the map data, rather than when the map is created.
prewarm();

/** MapLibre's interface text in Chinese. */
export const MAP_LOCALE = {
  'AttributionControl.ToggleAttribution': '显示或隐藏地图来源',
  'AttributionControl.MapFeedback': '地图反馈',
  'FullscreenControl.Enter': '全屏显示',
  'FullscreenControl.Exit': '退出全屏',
  'GeolocateControl.FindMyLocation': '定位我的位置',
  'GeolocateControl.LocationNotAvailable': '无法获取位置',
  'LogoControl.Title': 'MapLibre 标志',
  'Map.Title': '地图',
  'Marker.Title': '地图标记',
  'NavigationControl.ResetBearing': '恢复正北方向',
  'NavigationControl.ZoomIn': '放大地图',
  'NavigationControl.ZoomOut': '缩小地图',
  'Popup.Close': '关闭弹窗',
  'ScaleControl.Meters': '米',
  'ScaleControl.Kilometers': '千米',
  'CooperativeGesturesHandler.WindowsHelpText': '按住 Ctrl 键并滚动鼠标滚轮缩放地图',
  'CooperativeGesturesHandler.MacHelpText': '按住 ⌘ 键并滚动鼠标滚轮缩放地图',
  'CooperativeGesturesHandler.MobileHelpText': '请用双指移动地图',
};

/**
 * Creates a map, or returns undefined when the GPU context cannot be created
 * (GPUInitializationError, or any other failure of the constructor), so the
 * caller can fall back to the list.
 */
export function createMap(options: MapOptions): MapLibreMap | undefined {
  try {
    return new MapLibreMap({ locale: MAP_LOCALE, ...options });
  } catch (error) {
    console.warn(error instanceof GPUInitializationError ? 'WebGL could not start:' : 'Map failed:', error);
    return undefined;
  }
}

/**
 * The coordinate picker: a small MapLibre map on the site's own basemap (the
 * offline schematic, or Tianditu when a key is configured), a pin to click or
 * drag, longitude/latitude boxes, and a paste box that converts coordinates
 * copied from AMap/Tencent (GCJ-02) or Baidu (BD-09) to WGS-84.
 */
import { Map as ImmutableMap } from 'immutable';
import type { Map as MapLibreMap, Marker } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { Component, type CSSProperties, createRef } from 'react';
import { hasWebGL2 } from '../src/islands/map/webgl.ts';
import { DISTRICT_CENTRE } from '../src/lib/cms/config.ts';
import { convertPaste, pointProblem, roundPoint, toPoint } from '../src/lib/cms/picker.ts';
import type { LngLat } from '../src/lib/geo.ts';
import { DATUM_LABELS, type Datum } from '../src/lib/map/datum.ts';
import { basemapConfig, mapStyle } from '../src/lib/map/style.ts';
import { pageContext } from './context.ts';

interface ControlProps {
  value: unknown;
  field: { get(key: string): unknown };
  onChange: (value: unknown) => void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
}

interface ControlState {
  lng: string;
  lat: string;
  paste: string;
  datum: Datum;
  message: string;
  mapError: string;
}

const EMPTY = { type: 'FeatureCollection', features: [] };

const styles: Record<string, CSSProperties> = {
  map: { height: 280, borderRadius: 6, overflow: 'hidden', border: '1px solid #c9c2b8', background: '#e6edf0' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '0.75rem', marginTop: '0.75rem', alignItems: 'flex-end' },
  label: { display: 'flex', flexDirection: 'column', fontSize: 14, gap: 4 },
  input: { font: 'inherit', padding: '6px 8px', border: '1px solid #8a8a8a', borderRadius: 4, minWidth: 0 },
  button: {
    font: 'inherit',
    padding: '6px 12px',
    border: '1px solid #a50f15',
    background: '#a50f15',
    color: '#fff',
    borderRadius: 4,
    cursor: 'pointer',
  },
  note: { fontSize: 14, margin: '0.5rem 0 0', color: '#4a4a4a' },
};

const text = (value: number | undefined) => (value === undefined ? '' : String(value));

export class PointControl extends Component<ControlProps, ControlState> {
  private mapElement = createRef<HTMLDivElement>();
  private map: MapLibreMap | undefined;
  private marker: Marker | undefined;
  private unmounted = false;

  constructor(props: ControlProps) {
    super(props);
    const point = toPoint(props.value);
    this.state = {
      lng: text(point?.lng),
      lat: text(point?.lat),
      paste: '',
      datum: 'gcj02',
      message: '',
      mapError: '',
    };
  }

  /** Decap calls this (unbound) before saving; a message here blocks the save. */
  isValid = () => {
    if (this.props.value === undefined || this.props.value === null || this.props.value === '') return true;
    const problem = pointProblem(this.props.value);
    return problem ? { error: { type: 'CUSTOM', message: `${this.label()}：${problem}` } } : true;
  };

  private label(): string {
    return String(this.props.field.get('label') ?? '位置');
  }

  componentDidMount() {
    void this.startMap();
  }

  componentDidUpdate(previous: ControlProps) {
    if (previous.value === this.props.value) return;
    const point = toPoint(this.props.value);
    if (!point) return;
    this.placeMarker(point);
    if (Number(this.state.lng) !== point.lng || Number(this.state.lat) !== point.lat) {
      this.setState({ lng: text(point.lng), lat: text(point.lat) });
    }
  }

  componentWillUnmount() {
    this.unmounted = true;
    this.map?.remove();
  }

  private centre(): LngLat {
    const point = toPoint(this.props.value);
    if (point) return point;
    const configured = this.props.field.get('center') as { toJS?: () => unknown } | number[] | undefined;
    const pair = (configured && 'toJS' in configured ? configured.toJS?.() : configured) as number[] | undefined;
    return pair ? { lng: pair[0], lat: pair[1] } : DISTRICT_CENTRE;
  }

  private async startMap() {
    const element = this.mapElement.current;
    if (!element) return;
    if (!hasWebGL2()) {
      this.setState({ mapError: '此浏览器无法显示地图（不支持 WebGL2），请直接填写经纬度或粘贴坐标。' });
      return;
    }
    const maplibre = await import('maplibre-gl');
    if (this.unmounted) return;
    maplibre.setWorkerUrl(workerUrl);
    const streets = {
      type: 'FeatureCollection',
      features: pageContext().streets.map((street) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [street.lng, street.lat] },
        properties: { name: street.name },
      })),
    };
    const basemap = basemapConfig({
      PUBLIC_TIANDITU_KEY: import.meta.env.PUBLIC_TIANDITU_KEY,
      PUBLIC_TIANDITU_REVIEW_NUMBER: import.meta.env.PUBLIC_TIANDITU_REVIEW_NUMBER,
    });
    const centre = this.centre();
    try {
      this.map = new maplibre.Map({
        container: element,
        style: mapStyle(basemap, { sites: EMPTY, streets }),
        center: [centre.lng, centre.lat],
        zoom: toPoint(this.props.value) ? 15 : 14,
        attributionControl: { compact: true },
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch (error) {
      this.setState({ mapError: `地图无法显示（${String(error)}），请直接填写经纬度或粘贴坐标。` });
      return;
    }
    this.map.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
    this.marker = new maplibre.Marker({ color: '#a50f15', draggable: true });
    this.marker.on('dragend', () => {
      const position = this.marker?.getLngLat();
      if (position) this.emit({ lng: position.lng, lat: position.lat }, '已按拖动后的图钉位置填入');
    });
    this.map.on('click', (event) => this.emit(event.lngLat, '已按点击的位置填入'));
    const point = toPoint(this.props.value);
    if (point) this.placeMarker(point);
  }

  private placeMarker(point: LngLat) {
    if (!this.map || !this.marker) return;
    this.marker.setLngLat([point.lng, point.lat]);
    if (!this.marker.getElement().isConnected) this.marker.addTo(this.map);
    if (!this.map.getBounds().contains([point.lng, point.lat])) this.map.setCenter([point.lng, point.lat]);
  }

  private emit(point: LngLat, message: string) {
    const rounded = roundPoint(point);
    this.setState({ lng: text(rounded.lng), lat: text(rounded.lat), message });
    this.props.onChange(ImmutableMap({ lng: rounded.lng, lat: rounded.lat }));
  }

  private typed(key: 'lng' | 'lat', value: string) {
    const next = { ...this.state, [key]: value };
    this.setState({ [key]: value } as Pick<ControlState, typeof key>);
    const lng = Number(next.lng);
    const lat = Number(next.lat);
    if (next.lng.trim() && next.lat.trim() && Number.isFinite(lng) && Number.isFinite(lat)) {
      this.props.onChange(ImmutableMap({ lng, lat }));
    }
  }

  private convert = () => {
    const result = convertPaste(this.state.paste, this.state.datum);
    if (!result.ok) {
      this.setState({ message: result.message });
      return;
    }
    this.emit(result.point, result.message);
  };

  render() {
    const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const problem = this.state.lng || this.state.lat ? pointProblem(this.props.value) : undefined;
    return (
      <fieldset
        className={classNameWrapper}
        style={{ margin: 0, minWidth: 0 }}
        onFocus={setActiveStyle}
        onBlur={setInactiveStyle}
      >
        {this.state.mapError ? (
          <p style={styles.note}>{this.state.mapError}</p>
        ) : (
          <div ref={this.mapElement} style={styles.map} data-testid="point-map" />
        )}
        <p style={styles.note}>点击地图放置图钉，拖动图钉可微调；也可以直接填写 WGS-84 经纬度。</p>
        <div style={styles.row}>
          <label style={styles.label} htmlFor={forID}>
            经度（东经）
            <input
              id={forID}
              style={styles.input}
              inputMode="decimal"
              value={this.state.lng}
              placeholder="113.3196"
              onChange={(event) => this.typed('lng', event.target.value)}
            />
          </label>
          <label style={styles.label}>
            纬度（北纬）
            <input
              style={styles.input}
              inputMode="decimal"
              value={this.state.lat}
              placeholder="23.1026"
              onChange={(event) => this.typed('lat', event.target.value)}
            />
          </label>
        </div>
        <div style={styles.row}>
          <label style={{ ...styles.label, flex: '1 1 14rem' }}>
            粘贴从地图软件复制的坐标
            <input
              style={styles.input}
              value={this.state.paste}
              placeholder="例如 113.3196,23.1026"
              onChange={(event) => this.setState({ paste: event.target.value })}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  this.convert();
                }
              }}
            />
          </label>
          <label style={styles.label}>
            坐标来源
            <select
              style={styles.input}
              value={this.state.datum}
              onChange={(event) => this.setState({ datum: event.target.value as Datum })}
            >
              {(Object.keys(DATUM_LABELS) as Datum[]).map((datum) => (
                <option key={datum} value={datum}>
                  {DATUM_LABELS[datum]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" style={styles.button} onClick={this.convert}>
            转换并填入
          </button>
        </div>
        <p style={styles.note} role="status">
          {problem ?? this.state.message}
        </p>
      </fieldset>
    );
  }
}

/** The picker's value in the generic preview. */
export function PointPreview({ value }: { value: unknown }) {
  const point = toPoint(value);
  return <p>{point ? `东经 ${point.lng}°，北纬 ${point.lat}°（WGS-84）` : '未选择位置'}</p>;
}

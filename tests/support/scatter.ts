/** A seeded scatter of `count` sites over the district, alternating two types: the same sites on every run. */
export function scatterSites(count: number, seed = 42) {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, (_, index) => ({
    index,
    lng: 113.24 + random() * 0.17,
    lat: 23.05 + random() * 0.06,
    type: index % 2 ? 'demo-point' : 'service-centre',
  }));
}

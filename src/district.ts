/**
 * The district this site serves, as configuration: its streets, by the ids their files carry
 * (content/streets/<id>.yaml). The content guard (src/lib/content-guard.ts) refuses a content
 * folder that lacks any of them, and the publish guard keeps their pages from disappearing.
 * Names, points and introductions are content, in each street's file; the list here is only
 * what must be there. Source: /work/shared/facts/streets.md (统计用区划代码 440105001–018).
 *
 * Another district, or a street merged or split: change this list. A content folder that is
 * not the district's own (a test fixture, a trial) names its own list in a `district.yaml` at
 * its root (`streets: [longfeng, pazhou]`); content/ has none.
 */
export const DISTRICT = {
  name: '海珠区',
  streets: [
    'chigang',
    'xingang',
    'changgang',
    'jiangnanzhong',
    'binjiang',
    'sushe',
    'haichuang',
    'nanhuaxi',
    'longfeng',
    'shayuan',
    'nanshitou',
    'fengyang',
    'ruibao',
    'jianghai',
    'pazhou',
    'nanzhou',
    'huazhou',
    'guanzhou',
  ],
} as const;

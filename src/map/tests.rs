use super::*;
use crate::data::gazetteer::NATIONAL;

fn region(code: &str) -> RegionId {
    let g = Gazetteer::get();
    g.regions().iter().position(|r| r.code == code).unwrap() as RegionId
}

#[test]
fn every_division_of_the_gazetteer_has_a_shape() {
    let map = Map::parse(ASSET).unwrap();
    let g = Gazetteer::get();
    for (id, r) in g.regions().iter().enumerate().take(NATIONAL as usize) {
        let s = map
            .shape(id as RegionId)
            .unwrap_or_else(|| panic!("{} ({}) has no shape", r.english, r.code));
        assert!(
            !s.rings.is_empty() && s.rings.iter().all(|r| r.len() >= 3),
            "{}",
            r.code
        );
        assert!(
            !s.mesh.indices.is_empty() && s.mesh.indices.len().is_multiple_of(3),
            "{}",
            r.code
        );
        assert!(s.contains(s.anchor), "{}'s anchor is outside it", r.code);
    }
    assert_eq!(map.shapes().len(), NATIONAL as usize);
    assert!(map.shape(NATIONAL).is_none());
    // The unit box: 1 wide, China a little wider than tall.
    assert!((0.6..0.9).contains(&map.aspect()), "{}", map.aspect());
}

#[test]
fn the_asset_is_at_most_one_megabyte() {
    let bytes = include_bytes!("../../assets/map/provinces.json");
    assert!(bytes.len() <= 1 << 20, "{} bytes", bytes.len());
}

#[test]
fn meshes_cover_the_shapes_area() {
    // Triangles add up to the area inside the rings (outer minus holes), so the fill has no
    // gaps nor overlaps: checked by the shoelace formula on every ring.
    let map = Map::get();
    for s in map.shapes() {
        let v = &s.mesh.vertices;
        let tris: f64 = s
            .mesh
            .indices
            .chunks_exact(3)
            .map(|t| {
                let [a, b, c] = [v[t[0] as usize], v[t[1] as usize], v[t[2] as usize]];
                f64::from(((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs())
                    / 2.0
            })
            .sum();
        let mut rings = 0.0;
        for r in &s.rings {
            let mut a = 0.0;
            for i in 0..r.len() {
                let (p, q) = (r[i], r[(i + 1) % r.len()]);
                a += f64::from(p[0] * q[1] - q[0] * p[1]);
            }
            // Holes wind the other way round from their outer ring.
            rings += a / 2.0;
        }
        let rings = rings.abs();
        assert!(
            (tris - rings).abs() <= rings * 0.01 + 1e-9,
            "{}: {tris} vs {rings}",
            s.region
        );
    }
}

/// Each division's capital, as longitude and latitude in degrees. Source: GeoNames
/// (geonames.org), the coordinates of the city's feature (its id after the name).
const CAPITALS: [(&str, &str, f64, f64); 34] = [
    ("CN-AH", "Hefei 1808722", 117.28083, 31.86389),
    ("CN-BJ", "Beijing 1816670", 116.39723, 39.9075),
    ("CN-CQ", "Chongqing 1814906", 106.55278, 29.56278),
    ("CN-FJ", "Fuzhou 1810821", 119.30611, 26.06139),
    ("CN-GD", "Guangzhou 1809858", 113.25, 23.11667),
    ("CN-GS", "Lanzhou 1804430", 103.83987, 36.05701),
    ("CN-GX", "Nanning 1799869", 108.31667, 22.81667),
    ("CN-GZ", "Guiyang 1809461", 106.71667, 26.58333),
    ("CN-HA", "Zhengzhou 1784658", 113.64861, 34.75778),
    ("CN-HB", "Wuhan 1791247", 114.26667, 30.58333),
    ("CN-HE", "Shijiazhuang 1795270", 114.47861, 38.04139),
    ("CN-HI", "Haikou 1809078", 110.34167, 20.04583),
    ("CN-HK", "Hong Kong 1819729", 114.17469, 22.27832),
    ("CN-HL", "Harbin 2037013", 126.65, 45.75),
    ("CN-HN", "Changsha 1815577", 112.97087, 28.19874),
    ("CN-JL", "Changchun 2038180", 125.32278, 43.88),
    ("CN-JS", "Nanjing 1799962", 118.77778, 32.06167),
    ("CN-JX", "Nanchang 1800163", 115.85306, 28.68396),
    ("CN-LN", "Shenyang 2034937", 123.43278, 41.79222),
    ("CN-MO", "Macau 1821274", 113.54611, 22.20056),
    ("CN-NM", "Hohhot 2036892", 111.65222, 40.81056),
    ("CN-NX", "Yinchuan 1786657", 106.27306, 38.46806),
    ("CN-QH", "Xining 1788852", 101.75739, 36.62554),
    ("CN-SC", "Chengdu 1815286", 104.06667, 30.66667),
    ("CN-SD", "Jinan 1805753", 116.99722, 36.66833),
    ("CN-SH", "Shanghai 1796236", 121.45806, 31.22222),
    ("CN-SN", "Xi'an 1790630", 108.92861, 34.25833),
    ("CN-SX", "Taiyuan 1793511", 112.56028, 37.86944),
    ("CN-TJ", "Tianjin 1792947", 117.17667, 39.14222),
    ("CN-TW", "Taipei 1668341", 121.53185, 25.04776),
    ("CN-XJ", "Urumqi 1529102", 87.60046, 43.80096),
    ("CN-XZ", "Lhasa 1280737", 91.1, 29.65),
    ("CN-YN", "Kunming 1804651", 102.71833, 25.03889),
    ("CN-ZJ", "Hangzhou 1808926", 120.16142, 30.29365),
];

#[test]
fn each_capital_falls_inside_its_province_and_no_other() {
    let map = Map::get();
    let mut codes: Vec<&str> = CAPITALS.iter().map(|c| c.0).collect();
    codes.dedup();
    assert_eq!(codes.len(), 34, "one capital per division");
    for (code, city, lon, lat) in CAPITALS {
        let p = map.project(lon, lat);
        let inside: Vec<RegionId> = map
            .shapes()
            .iter()
            .filter(|s| s.contains(p))
            .map(|s| s.region)
            .collect();
        assert_eq!(inside, vec![region(code)], "{city} ({code})");
        // Without a hit radius, the hit test says the same.
        assert_eq!(map.hit(p, 0.0), Some(region(code)), "{city}");
    }
}

#[test]
fn a_point_near_tiny_macao_and_hong_kong_finds_them() {
    let map = Map::get();
    let (mo, hk, gd) = (region("CN-MO"), region("CN-HK"), region("CN-GD"));
    // On a map 600 px wide an 8 px hit radius is 8/600 of the unit box; Macao is under 1 px.
    let radius = 8.0 / 600.0;
    assert!(map.shape(mo).unwrap().size() < radius / 4.0);
    // 5 km north-west of Macao, in Guangdong (Zhuhai).
    let near = map.project(113.50, 22.24);
    assert_eq!(map.hit(near, 0.0), Some(gd), "the point is in Guangdong");
    assert_eq!(map.hit(near, radius), Some(mo));
    assert_eq!(map.hit(map.project(114.17, 22.40), radius), Some(hk));
    // Far from both, the hit radius changes nothing: Guangzhou stays in Guangdong.
    assert_eq!(map.hit(map.project(113.25, 23.117), radius), Some(gd));
    // On a big map (20,000 px wide) Macao is no longer small: the point is Guangdong again.
    assert_eq!(map.hit(near, 8.0 / 20_000.0), Some(gd));
    // Open sea and the middle of nowhere (west of the map) hit nothing.
    assert_eq!(map.hit(map.project(125.0, 25.0), radius), None);
    assert_eq!(map.hit([-0.5, 0.2], radius), None);
}

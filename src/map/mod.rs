//! The province map, without egui: the 34 divisions' shapes (`assets/map/provinces.json`, made by
//! `scripts/make-map` from Natural Earth), projected once (Albers equal-area, see [`projection`])
//! into a unit box, triangulated once into meshes (egui and most renderers fill only convex
//! paths), with their outlines, hit testing, and the choropleth's colour scale and values.
//!
//! Coordinates of the unit box: x from 0 (west) to 1 (east), y from 0 (north) to
//! [`Map::aspect`] (south), so a drawing scales them by its width. The UI (`ui::map`) and the
//! picture export draw from the same [`Shape`]s.

pub mod projection;
pub mod scale;
pub mod values;

use std::sync::OnceLock;

use crate::data::gazetteer::{Gazetteer, RegionId};

/// The shapes asset, embedded at compile time.
pub const ASSET: &str = include_str!("../../assets/map/provinces.json");

/// Where the borders come from, for the About text and picture footers.
pub const ORIGIN: &str = "Borders: Natural Earth (public domain), de facto borders";

/// A point of the unit box.
pub type Point = [f32; 2];

/// Triangles over a shape's vertices.
#[derive(Clone, Debug, Default)]
pub struct Mesh {
    /// Vertices in the unit box.
    pub vertices: Vec<Point>,
    /// Three indices into `vertices` per triangle.
    pub indices: Vec<u32>,
}

/// One division's shape, projected.
#[derive(Clone, Debug)]
pub struct Shape {
    /// The gazetteer's region.
    pub region: RegionId,
    /// Every ring of every polygon (outer rings and holes), open (the last point is not the
    /// first again). Inside is decided even-odd over all of them.
    pub rings: Vec<Vec<Point>>,
    /// The filled shape as triangles.
    pub mesh: Mesh,
    /// Bounding box: min x, min y, max x, max y.
    pub bounds: [f32; 4],
    /// A point well inside the shape (where a label, a tooltip anchor or an accessible node
    /// goes): the centre of the mesh triangle farthest from the outline among the large ones.
    pub anchor: Point,
}

impl Shape {
    /// Whether `p` is inside the shape (even-odd over all rings).
    pub fn contains(&self, p: Point) -> bool {
        let [x0, y0, x1, y1] = self.bounds;
        if p[0] < x0 || p[0] > x1 || p[1] < y0 || p[1] > y1 {
            return false;
        }
        let mut inside = false;
        for ring in &self.rings {
            let mut j = ring.len() - 1;
            for i in 0..ring.len() {
                let (a, b) = (ring[i], ring[j]);
                if (a[1] > p[1]) != (b[1] > p[1])
                    && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]
                {
                    inside = !inside;
                }
                j = i;
            }
        }
        inside
    }

    /// Distance from `p` to the shape: 0 inside, else to the nearest outline point.
    pub fn distance(&self, p: Point) -> f32 {
        if self.contains(p) {
            return 0.0;
        }
        self.outline_distance(p)
    }

    /// Distance from `p` to the nearest point of an outline.
    fn outline_distance(&self, p: Point) -> f32 {
        let mut best = f32::INFINITY;
        for ring in &self.rings {
            let mut j = ring.len() - 1;
            for i in 0..ring.len() {
                best = best.min(segment_distance(p, ring[j], ring[i]));
                j = i;
            }
        }
        best
    }

    /// The larger side of the bounding box.
    pub fn size(&self) -> f32 {
        (self.bounds[2] - self.bounds[0]).max(self.bounds[3] - self.bounds[1])
    }
}

fn segment_distance(p: Point, a: Point, b: Point) -> f32 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (ex, ey) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    (ex * ex + ey * ey).sqrt()
}

/// All shapes, in the gazetteer's region order.
#[derive(Debug)]
pub struct Map {
    shapes: Vec<Shape>,
    aspect: f32,
    /// Albers x of the west edge and y of the north edge, and the box's width in Albers units.
    frame: [f64; 3],
}

/// A division's polygons, each a list of rings of projected points.
type Polygons = Vec<Vec<Vec<[f64; 2]>>>;

/// The asset as written by `scripts/make-map`: code → polygons → rings → flat lon, lat pairs.
#[derive(serde::Deserialize)]
struct Asset {
    provinces: std::collections::BTreeMap<String, Vec<Vec<Vec<f64>>>>,
}

impl Map {
    /// The shared map, parsed, projected and triangulated once.
    pub fn get() -> &'static Map {
        static MAP: OnceLock<Map> = OnceLock::new();
        MAP.get_or_init(|| {
            Map::parse(ASSET).unwrap_or_else(|e| {
                log::error!("the embedded map asset does not parse: {e}");
                Map {
                    shapes: Vec::new(),
                    aspect: 1.0,
                    frame: [0.0, 0.0, 1.0],
                }
            })
        })
    }

    /// Parses the asset; divisions it names that the gazetteer does not know are skipped.
    pub fn parse(text: &str) -> Result<Map, serde_json::Error> {
        let asset: Asset = serde_json::from_str(text)?;
        let g = Gazetteer::get();
        let mut projected: Vec<(RegionId, Polygons)> = Vec::new();
        let (mut min, mut max) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
        for (id, region) in g.regions().iter().enumerate() {
            let Some(polygons) = asset.provinces.get(&region.code) else {
                continue;
            };
            let polygons: Polygons = polygons
                .iter()
                .map(|rings| {
                    rings
                        .iter()
                        .map(|flat| {
                            flat.chunks_exact(2)
                                .map(|c| projection::albers(c[0], c[1]))
                                .collect()
                        })
                        .filter(|r: &Vec<[f64; 2]>| r.len() >= 3)
                        .collect()
                })
                .filter(|p: &Vec<Vec<[f64; 2]>>| !p.is_empty())
                .collect();
            for p in polygons.iter().flatten().flatten() {
                for k in 0..2 {
                    min[k] = min[k].min(p[k]);
                    max[k] = max[k].max(p[k]);
                }
            }
            projected.push((id as RegionId, polygons));
        }
        let width = (max[0] - min[0]).max(f64::EPSILON);
        let unit = |p: [f64; 2]| -> Point {
            [
                ((p[0] - min[0]) / width) as f32,
                ((max[1] - p[1]) / width) as f32,
            ]
        };
        let shapes = projected
            .into_iter()
            .map(|(region, polygons)| shape(region, &polygons, unit))
            .collect();
        Ok(Map {
            shapes,
            aspect: ((max[1] - min[1]) / width).max(0.0) as f32,
            frame: [min[0], max[1], width],
        })
    }

    /// Every shape.
    pub fn shapes(&self) -> &[Shape] {
        &self.shapes
    }

    /// The shape of one region.
    pub fn shape(&self, region: RegionId) -> Option<&Shape> {
        self.shapes.iter().find(|s| s.region == region)
    }

    /// Where longitude and latitude (degrees) fall in the unit box.
    pub fn project(&self, lon: f64, lat: f64) -> Point {
        let [x, y] = projection::albers(lon, lat);
        let [x0, y0, w] = self.frame;
        [((x - x0) / w) as f32, ((y0 - y) / w) as f32]
    }

    /// Height of the unit box (its width is 1).
    pub fn aspect(&self) -> f32 {
        self.aspect
    }

    /// The region at `p`. A division smaller than `min_radius` across (Hong Kong and Macao on a
    /// small map) is hit anywhere within `min_radius` of its shape, before the larger one around
    /// it, so it stays clickable at any size; the nearest such wins. Then the shape `p` is in.
    pub fn hit(&self, p: Point, min_radius: f32) -> Option<RegionId> {
        let small = self
            .shapes
            .iter()
            .filter(|s| s.size() < 2.0 * min_radius)
            .map(|s| (s.distance(p), s))
            .filter(|(d, _)| *d <= min_radius)
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, s)) = small {
            return Some(s.region);
        }
        self.shapes.iter().find(|s| s.contains(p)).map(|s| s.region)
    }
}

/// One division: its rings in the unit box, triangulated, with its bounds and anchor.
fn shape(
    region: RegionId,
    polygons: &[Vec<Vec<[f64; 2]>>],
    unit: impl Fn([f64; 2]) -> Point,
) -> Shape {
    let mut rings = Vec::new();
    let mut mesh = Mesh::default();
    for polygon in polygons {
        let base = mesh.vertices.len() as u32;
        let mut flat = Vec::new();
        let mut holes = Vec::new();
        for (i, ring) in polygon.iter().enumerate() {
            if i > 0 {
                holes.push(flat.len() / 2);
            }
            let ring: Vec<Point> = ring.iter().map(|p| unit(*p)).collect();
            flat.extend(ring.iter().flat_map(|p| [f64::from(p[0]), f64::from(p[1])]));
            mesh.vertices.extend(&ring);
            rings.push(ring);
        }
        match earcutr::earcut(&flat, &holes, 2) {
            Ok(tris) => mesh
                .indices
                .extend(tris.into_iter().map(|i| base + i as u32)),
            Err(e) => log::warn!("map: region {region}: a polygon did not triangulate: {e:?}"),
        }
    }
    let mut bounds = [
        f32::INFINITY,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NEG_INFINITY,
    ];
    for p in rings.iter().flatten() {
        bounds = [
            bounds[0].min(p[0]),
            bounds[1].min(p[1]),
            bounds[2].max(p[0]),
            bounds[3].max(p[1]),
        ];
    }
    let mut s = Shape {
        region,
        rings,
        mesh,
        bounds,
        anchor: [(bounds[0] + bounds[2]) / 2.0, (bounds[1] + bounds[3]) / 2.0],
    };
    s.anchor = anchor(&s);
    s
}

/// The centre of the triangle whose centre lies farthest inside the outline (a cheap stand-in for
/// the pole of inaccessibility; always inside the shape).
fn anchor(s: &Shape) -> Point {
    let v = &s.mesh.vertices;
    s.mesh
        .indices
        .chunks_exact(3)
        .map(|t| {
            let [a, b, c] = [v[t[0] as usize], v[t[1] as usize], v[t[2] as usize]];
            [(a[0] + b[0] + c[0]) / 3.0, (a[1] + b[1] + c[1]) / 3.0]
        })
        .map(|p| (s.outline_distance(p), p))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map_or(s.anchor, |(_, p)| p)
}

#[cfg(test)]
mod tests;

//! The map's projection: Albers equal-area conic, standard parallels 25° N and 47° N, central
//! meridian 105° E (the usual Albers for China: areas compare truly, so a province's colour
//! covers as much of the map as the province covers of the ground, and shapes stay close to what
//! readers know from Chinese atlases).

/// Projects longitude and latitude (degrees) to Albers x, y (unit sphere; y up).
pub fn albers(lon: f64, lat: f64) -> [f64; 2] {
    const LON0: f64 = 105.0;
    const LAT1: f64 = 25.0;
    const LAT2: f64 = 47.0;
    let (p1, p2) = (LAT1.to_radians(), LAT2.to_radians());
    let n = (p1.sin() + p2.sin()) / 2.0;
    let c = p1.cos().powi(2) + 2.0 * n * p1.sin();
    let rho0 = c.sqrt() / n;
    let rho = (c - 2.0 * n * lat.to_radians().sin()).max(0.0).sqrt() / n;
    let theta = n * (lon - LON0).to_radians();
    [rho * theta.sin(), rho0 - rho * theta.cos()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn central_meridian_is_vertical_and_north_is_up() {
        let a = albers(105.0, 30.0);
        let b = albers(105.0, 40.0);
        assert!(a[0].abs() < 1e-12 && b[0].abs() < 1e-12);
        assert!(b[1] > a[1]);
        // East is right.
        assert!(albers(120.0, 30.0)[0] > 0.0 && albers(90.0, 30.0)[0] < 0.0);
    }

    #[test]
    fn equal_area() {
        // A 1°×1° cell near the equator-side parallel and one far north cover areas in the ratio
        // of their true areas (cos of the latitude), within a hair.
        let area = |lon: f64, lat: f64| {
            let [x0, y0] = albers(lon, lat);
            let [x1, _] = albers(lon + 0.01, lat);
            let [_, y1] = albers(lon, lat + 0.01);
            ((x1 - x0) * (y1 - y0)).abs()
        };
        let ratio = area(105.0, 50.0) / area(105.0, 20.0);
        let truth = 50f64.to_radians().cos() / 20f64.to_radians().cos();
        assert!((ratio - truth).abs() < 1e-3, "{ratio} vs {truth}");
    }
}

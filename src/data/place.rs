//! Where a row's figures are charted: the [`Place`] of a (province, city) pair, resolved through
//! the gazetteer once per distinct pair and cached. No cell parsing here.

use super::document::Document;
use super::gazetteer::{Gazetteer, NATIONAL, RegionId};
use super::interner::{EMPTY, Sym};

/// Where a row's figures are charted: a region, or "unknown province" when the cell names none.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Place {
    /// A region of the gazetteer.
    Region(RegionId),
    /// The province cell is empty or names no known province.
    Unknown,
}

impl Place {
    /// How many [`Place::index`] values there are: every region id, then unknown.
    pub const COUNT: usize = RegionId::MAX as usize + 2;

    /// A dense index for tables by place: the region id, or after every id for no known place.
    pub fn index(self) -> usize {
        match self {
            Place::Region(id) => usize::from(id),
            Place::Unknown => usize::from(RegionId::MAX) + 1,
        }
    }

    /// The place of an [`Place::index`].
    pub fn from_index(i: usize) -> Place {
        RegionId::try_from(i).map_or(Place::Unknown, Place::Region)
    }
}

impl Document {
    /// The province cell if it resolves, else the city (cities roll up), else unknown; cached
    /// per distinct (province, city) text.
    pub(super) fn compute_place(&mut self, row: usize) -> Place {
        self.place_of(self.province[row], self.city[row])
    }

    /// Where a row with these province and city symbols is charted.
    pub(super) fn place_of(&mut self, province: Sym, city: Sym) -> Place {
        // Most rows name a province and no city: looked up by the province's symbol alone.
        if city == EMPTY {
            let i = province as usize;
            if let Some(Some(p)) = self.place_by_province.get(i) {
                return *p;
            }
            let p = self.resolve_place(province, city);
            if self.place_by_province.len() <= i {
                self.place_by_province.resize(i + 1, None);
            }
            self.place_by_province[i] = Some(p);
            return p;
        }
        if let Some(&p) = self.place_cache.get(&(province, city)) {
            return p;
        }
        let p = self.resolve_place(province, city);
        self.place_cache.insert((province, city), p);
        p
    }

    fn resolve_place(&self, province: Sym, city: Sym) -> Place {
        let g = Gazetteer::get();
        let province = self.strings.resolve(province);
        if !province.trim().is_empty() {
            return g
                .resolve(province)
                .map_or(Place::Unknown, |r| Place::Region(r.region));
        }
        let city = self.strings.resolve(city);
        g.resolve_city(city).map_or(Place::Unknown, Place::Region)
    }

    /// Where a row's figures are charted.
    pub fn place(&self, row: usize) -> Place {
        self.place.get(row).copied().unwrap_or(Place::Unknown)
    }

    /// Display name of a place.
    pub fn place_name(place: Place) -> &'static str {
        match place {
            Place::Region(id) => {
                let g = Gazetteer::get();
                if id == NATIONAL {
                    "National"
                } else {
                    g.region(id).english.as_str()
                }
            }
            Place::Unknown => "Unknown province",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::schema::{Column, Field};

    #[test]
    fn city_rolls_up_when_province_empty() {
        let mut d = Document::new();
        d.push_row([(Column::Field(Field::City), "Tangshan")]);
        assert_eq!(Document::place_name(d.place(0)), "Hebei");
        d.push_row([(Column::Field(Field::Province), "Atlantis")]);
        assert_eq!(d.place(1), Place::Unknown);
        assert!(d.cell_problem(1, Column::Field(Field::Province)).is_some());
    }
}

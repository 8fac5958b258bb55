//! Series and totals per province and period, kept up to date by edits.
//!
//! [`Aggregates`] observes the document: every edit removes the old facts of a row and adds the
//! new ones, touching only that row's province and day. Per-period and cumulative series are
//! derived from the per-day sums on demand and cached by document revision, so no frame ever
//! walks the rows.
//!
//! Running totals: a `running_total` row sets its province's cumulative level. Its increment is
//! the reported total minus the running sum so far, never negative. On the same day, events count
//! before running totals, and several running totals apply from the smallest up.
//!
//! The pieces: [`period`] (the time axis), [`load_sums`] (sums made while reading),
//! [`aggregates`] (the per-day sums and their upkeep), [`steps`] (day steps of a series),
//! [`view`] (filter and views), [`rows`] (the table's row queries).

mod aggregates;
pub mod describe;
mod load_sums;
mod period;
pub mod provenance;
pub mod ranking;
pub mod rows;
mod steps;
pub mod timeline;
mod view;

pub use aggregates::Aggregates;
pub use load_sums::LoadSums;
pub use period::{Granularity, date_to_x, day_key_label, x_to_date};
pub use steps::DayStep;
pub use view::{Filter, MetricChart, PeriodPoint, Series, View};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::document::{Column, Document, Edit, Field, Metric, Place};
    use crate::data::value::EventDate;
    use chrono::NaiveDate;

    fn doc(rows: &[(&str, &str, &str, &str)]) -> Document {
        // (date, province, rigs, basis)
        let mut d = Document::new();
        for (date, province, rigs, basis) in rows {
            d.push_row([
                (Column::Field(Field::Date), *date),
                (Column::Field(Field::Province), *province),
                (Column::Field(Field::Rigs), *rigs),
                (Column::Field(Field::Basis), *basis),
            ]);
        }
        d
    }

    fn hebei() -> Place {
        Place::Region(
            crate::data::gazetteer::Gazetteer::get()
                .resolve("Hebei")
                .unwrap()
                .region,
        )
    }

    #[test]
    fn running_total_sets_level_never_negative() {
        let d = doc(&[
            ("2018-06-06", "Hebei", "855", "event"),
            ("2018-10", "Hebei", "3100", "event"),
            ("2019-05", "Hebei", "4", ""),
            ("2019-12-22", "Hebei", "6890", "running_total"),
            ("2020-01-05", "Hebei", "100", "event"),
            ("2020-02-01", "Hebei", "5000", "running_total"),
        ]);
        let mut agg = Aggregates::build(&d);
        let steps = agg.steps(hebei(), Metric::Rigs).to_vec();
        let incs: Vec<f64> = steps.iter().map(|s| s.increment).collect();
        assert_eq!(incs, vec![855.0, 3100.0, 4.0, 6890.0 - 3959.0, 100.0, 0.0]);
        assert_eq!(steps.last().unwrap().level, 6990.0);
        let view = agg.view(Granularity::Year, &Filter::default());
        assert_eq!(view.totals[Metric::Rigs.index()], 6990.0);
    }

    #[test]
    fn same_day_events_count_before_totals() {
        let d = doc(&[
            ("2021-09-27", "Hebei", "45", "running_total"),
            ("2021-09-27", "Hebei", "10", "event"),
        ]);
        let mut agg = Aggregates::build(&d);
        let steps = agg.steps(hebei(), Metric::Rigs);
        assert_eq!(steps.len(), 1);
        assert_eq!(steps[0].increment, 45.0);
        assert_eq!(steps[0].rows, 2);
    }

    #[test]
    fn month_quarter_year_aggregation() {
        let d = doc(&[
            ("2021-01-15", "Hebei", "1", ""),
            ("2021-02", "Hebei", "2", ""),
            ("2021-04-01", "Hebei", "4", ""),
            ("2021", "Hebei", "8", ""),
            ("2022-12-31", "Hebei", "16", ""),
        ]);
        let mut agg = Aggregates::build(&d);
        let pts = |agg: &mut Aggregates, g: Granularity| -> Vec<(String, f64, u32)> {
            let v = agg.view(g, &Filter::default());
            v.chart(Metric::Rigs).unwrap().series[0]
                .points
                .iter()
                .map(|p| (g.period_label(p.period), p.value, p.rows))
                .collect()
        };
        assert_eq!(
            pts(&mut agg, Granularity::Month),
            vec![
                ("2021-01".into(), 9.0, 2),
                ("2021-02".into(), 2.0, 1),
                ("2021-04".into(), 4.0, 1),
                ("2022-12".into(), 16.0, 1)
            ]
        );
        assert_eq!(
            pts(&mut agg, Granularity::Quarter),
            vec![
                ("2021 Q1".into(), 11.0, 3),
                ("2021 Q2".into(), 4.0, 1),
                ("2022 Q4".into(), 16.0, 1)
            ]
        );
        assert_eq!(
            pts(&mut agg, Granularity::Year),
            vec![("2021".into(), 15.0, 4), ("2022".into(), 16.0, 1)]
        );
        // Levels are cumulative.
        let v = agg.view(Granularity::Year, &Filter::default());
        let levels: Vec<f64> = v.chart(Metric::Rigs).unwrap().series[0]
            .points
            .iter()
            .map(|p| p.level)
            .collect();
        assert_eq!(levels, vec![15.0, 31.0]);
    }

    #[test]
    fn edits_update_aggregates_incrementally() {
        let mut d = doc(&[
            ("2021-09-27", "Inner Mongolia", "10100", ""),
            ("2021-06", "Hebei", "5", ""),
        ]);
        let mut agg = Aggregates::build(&d);
        let edit = Edit::SetCell {
            row: 0,
            column: Column::Field(Field::Rigs),
            text: "20100".into(),
        };
        d.apply(&edit, &mut agg).unwrap();
        let v = agg.view(Granularity::Month, &Filter::default());
        assert_eq!(v.totals[Metric::Rigs.index()], 20105.0);
        assert_eq!(
            agg.view(Granularity::Month, &Filter::default()),
            Aggregates::build(&d).view(Granularity::Month, &Filter::default())
        );
        d.apply(&Edit::DeleteRow { at: 1 }, &mut agg).unwrap();
        assert_eq!(
            agg.view(Granularity::Year, &Filter::default()).totals[Metric::Rigs.index()],
            20100.0
        );
    }

    #[test]
    fn totals_rows_stay_out_of_the_sums_at_load_and_after_edits() {
        let mut d = doc(&[
            ("2021-09-27", "内蒙古", "10100", ""),
            ("2021-09-28", "Hebei", "5", ""),
            ("2021-09-30", "合计", "10105", ""),
            ("", "Total", "10105", ""),
            ("2021-09-30", "Hebei", "40", "running_total"),
        ]);
        let rigs = |agg: &mut Aggregates| {
            agg.view(Granularity::Year, &Filter::default()).totals[Metric::Rigs.index()]
        };
        let mut agg = Aggregates::build(&d);
        // 10100 + the Hebei running total of 40 (its 5 included); no totals row.
        assert_eq!(rigs(&mut agg), 10140.0);
        assert_eq!((agg.totals_rows(), agg.undated_with_figures()), (2, 0));
        let set = |row, field, text: &str| Edit::SetCell {
            row,
            column: Column::Field(field),
            text: text.into(),
        };
        // Editing a province to 合计 takes its row out; editing it back puts it in.
        let undo = d.apply(&set(0, Field::Province, "合计"), &mut agg).unwrap();
        assert_eq!(rigs(&mut agg), 40.0);
        assert_eq!(agg.totals_rows(), 3);
        assert_eq!(
            agg.view(Granularity::Month, &Filter::default()),
            Aggregates::build(&d).view(Granularity::Month, &Filter::default())
        );
        // The rows per place and the date range follow too: the 合计 row is no place's, and
        // its date still counts towards the range.
        assert_eq!(agg.rows_per_place().get(&hebei()), Some(&2));
        assert_eq!(agg.rows_per_place(), Aggregates::build(&d).rows_per_place());
        assert_eq!(agg.day_range(), Some((20210927, 20210930)));
        d.apply(&undo, &mut agg).unwrap();
        assert_eq!(rigs(&mut agg), 10140.0);
        // Counted by the user's fix, the dated one joins the sums (under an unknown place);
        // the undated one is then a row without a date.
        d.apply(&d.count_row(2).unwrap(), &mut agg).unwrap();
        d.apply(&d.count_row(3).unwrap(), &mut agg).unwrap();
        assert_eq!(rigs(&mut agg), 20245.0);
        assert_eq!((agg.totals_rows(), agg.undated_with_figures()), (0, 1));
        let fresh = Aggregates::build(&d);
        assert_eq!((fresh.totals_rows(), fresh.undated_with_figures()), (0, 1));
        assert_eq!(agg.rows_per_place(), fresh.rows_per_place());
        assert_eq!(agg.day_range(), fresh.day_range());
        // Five rows, none a totals row now: two Hebei, one 内蒙古, two of no known place.
        assert_eq!(agg.rows_per_place().values().sum::<usize>(), 5);
        assert_eq!(
            agg.view(Granularity::Month, &Filter::default()),
            Aggregates::build(&d).view(Granularity::Month, &Filter::default())
        );
    }

    #[test]
    fn notes_under_the_table_with_figures_are_counted_apart_from_totals_rows() {
        let mut d = doc(&[
            ("2021-09-27", "内蒙古", "10100", ""),
            ("2021-09-30", "合计", "10100", ""),
            ("", "注：含已关停矿点 3 处", "3", ""),
            ("", "数据来源：发改委", "", ""),
        ]);
        let mut agg = Aggregates::build(&d);
        let counts = |agg: &Aggregates| (agg.totals_rows(), agg.note_rows());
        // The note without figures leaves nothing out.
        assert_eq!(counts(&agg), (1, 1));
        let set = |row, text: &str| Edit::SetCell {
            row,
            column: Column::Field(Field::Province),
            text: text.into(),
        };
        // A note edited into a totals word becomes a totals row; into a province, a row
        // without a date.
        let undo = d.apply(&set(2, "小计"), &mut agg).unwrap();
        assert_eq!(counts(&agg), (2, 0));
        assert_eq!(counts(&Aggregates::build(&d)), (2, 0));
        d.apply(&undo, &mut agg).unwrap();
        assert_eq!(counts(&agg), (1, 1));
        d.apply(&set(2, "Hebei"), &mut agg).unwrap();
        assert_eq!((counts(&agg), agg.undated_with_figures()), ((1, 0), 1));
        assert_eq!(counts(&Aggregates::build(&d)), (1, 0));
    }

    #[test]
    fn filters_hide_places_and_dates() {
        let d = doc(&[
            ("2021-09-27", "Inner Mongolia", "10100", ""),
            ("2019-06", "Hebei", "5", ""),
        ]);
        let mut agg = Aggregates::build(&d);
        let mut f = Filter::default();
        f.hidden.insert(hebei());
        let v = agg.view(Granularity::Month, &f);
        assert_eq!(v.totals[Metric::Rigs.index()], 10100.0);
        assert_eq!(v.provinces, 1);
        let f = Filter {
            from: Some(2019_01_01),
            to: Some(2019_12_31),
            ..Default::default()
        };
        let v = agg.view(Granularity::Month, &f);
        assert_eq!(v.totals[Metric::Rigs.index()], 5.0);
        assert_eq!(v.first_day, Some(2019_06_01));
    }

    #[test]
    fn period_arithmetic() {
        let g = Granularity::Quarter;
        let p = g.period_of(EventDate::ymd(2021, 9, 27).unwrap());
        assert_eq!(g.start(p), NaiveDate::from_ymd_opt(2021, 7, 1).unwrap());
        assert_eq!(g.end(p), NaiveDate::from_ymd_opt(2021, 10, 1).unwrap());
        assert_eq!(
            x_to_date(date_to_x(NaiveDate::from_ymd_opt(2021, 9, 27).unwrap())),
            NaiveDate::from_ymd_opt(2021, 9, 27).unwrap()
        );
        assert_eq!(date_to_x(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()), 0.0);
    }
}

//! Summary cards: totals of what is visible, and a note naming the rows with figures they leave
//! out (no date, totals rows), which shows those rows in the table when clicked.

use egui::{RichText, Ui};

use crate::analysis::rows::LeftOut;
use crate::analysis::{View, day_key_label};
use crate::data::document::Metric;
use crate::ui::{theme, words};

fn card(ui: &mut Ui, title: &str, value: &str, width: f32) {
    // Long values (the date span) get a smaller size so the card keeps one line.
    let size = if value.chars().count() > 16 {
        15.0
    } else {
        18.0
    };
    theme::card_frame(ui.visuals()).show(ui, |ui| {
        ui.set_width(width);
        ui.vertical(|ui| {
            ui.label(
                RichText::new(title)
                    .small()
                    .color(theme::weak_text(ui.visuals())),
            );
            let value_label = ui.label(RichText::new(value).strong().size(size));
            // A screen reader (and a test) reads the card as "Rigs seized: 52,170".
            let _ = value_label.accessible_name(crate::tr!(
                "card-name",
                title = title.to_owned(),
                value = value.to_owned()
            ));
        });
    });
}

/// Rows with figures the cards leave out, by reason.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LeftOutCounts {
    /// Rows with figures but no valid date.
    pub no_date: usize,
    /// Totals rows with figures.
    pub totals_rows: usize,
    /// Notes under the table with figures.
    pub note_rows: usize,
}

/// What the note under the cards says of `n` rows left out for `why`.
pub fn left_out_text(why: LeftOut, n: usize) -> String {
    match why {
        LeftOut::NoDate => crate::tr!("cards-left-out-no-date", count = n, n = n.to_string()),
        LeftOut::TotalsRow => crate::tr!("cards-left-out-totals", count = n, n = n.to_string()),
        LeftOut::NoteRow => crate::tr!("cards-left-out-notes", count = n, n = n.to_string()),
    }
}

/// The note under the cards naming the rows with figures they leave out; returns the reason
/// whose rows the user asked to see.
fn left_out_note(ui: &mut Ui, counts: LeftOutCounts) -> Option<LeftOut> {
    let mut clicked = None;
    let reasons = [
        (
            LeftOut::NoDate,
            counts.no_date,
            crate::tr!("cards-left-out-no-date-hint"),
        ),
        (
            LeftOut::TotalsRow,
            counts.totals_rows,
            crate::tr!("cards-left-out-totals-hint"),
        ),
        (
            LeftOut::NoteRow,
            counts.note_rows,
            crate::tr!("cards-left-out-notes-hint"),
        ),
    ];
    if reasons.iter().all(|r| r.1 == 0) {
        return None;
    }
    ui.horizontal(|ui| {
        for (why, n, hover) in reasons {
            if n == 0 {
                continue;
            }
            let text = left_out_text(why, n);
            let link = egui::Link::new(RichText::new(&text).color(theme::error_text(ui.visuals())));
            if ui.add(link).on_hover_text(hover).clicked() {
                clicked = Some(why);
            }
        }
    });
    clicked
}

/// One row of cards: a total per metric, provinces, date span; under them, the rows with
/// figures they leave out. Returns the reason whose rows the user asked to see.
pub fn cards_ui(ui: &mut Ui, view: &View, left_out: LeftOutCounts) -> Option<LeftOut> {
    let n = 6.0;
    let spacing = ui.spacing().item_spacing.x;
    let width =
        ((ui.available_width() - spacing * (n - 1.0)) / n - 2.0 * f32::from(theme::PAD) - 2.0)
            .max(60.0);
    ui.horizontal(|ui| {
        for m in Metric::ALL {
            let figure = words::figure(m, view.totals[m.index()]);
            card(ui, &words::metric_title(m), &figure, width);
        }
        let provinces = view.provinces.to_string();
        card(ui, &crate::tr!("card-provinces"), &provinces, width);
        let span = match (view.first_day, view.last_day) {
            (Some(a), Some(b)) => format!("{} – {}", day_key_label(a), day_key_label(b)),
            _ => crate::tr!("card-no-dated-rows"),
        };
        card(ui, &crate::tr!("card-date-span"), &span, width);
    });
    left_out_note(ui, left_out)
}

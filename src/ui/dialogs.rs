//! Native file dialogs (rfd), behind a trait so tests can answer them like a user would.

use std::path::PathBuf;

/// What a save dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveKind {
    /// Saving the data (CSV or JSON).
    Data,
    /// Exporting a picture as PNG.
    Png,
    /// Exporting a picture as SVG.
    Svg,
    /// An empty template file (Help ▸ Data format…).
    Template(crate::ui::data_format::TemplateFormat),
}

/// Asks the user for files. `None` means the user cancelled.
pub trait FileDialogs {
    /// File ▸ Open…
    fn pick_open(&mut self) -> Option<PathBuf>;
    /// Save As… or an export's Save…, with a suggested file name.
    fn pick_save(&mut self, kind: SaveKind, suggested_name: &str) -> Option<PathBuf>;
}

/// The operating system's dialogs.
#[derive(Default)]
pub struct NativeDialogs {
    /// Folder the next dialog starts in.
    pub folder: Option<PathBuf>,
}

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        let mut d = rfd::FileDialog::new()
            .set_title("Open event file")
            .add_filter(
                "Event files (CSV, TSV, JSON)",
                &["csv", "tsv", "txt", "json"],
            )
            .add_filter("CSV", &["csv"])
            .add_filter("JSON", &["json"])
            .add_filter("All files", &["*"]);
        if let Some(f) = &self.folder {
            d = d.set_directory(f);
        }
        let picked = d.pick_file();
        if let Some(p) = &picked {
            self.folder = p.parent().map(PathBuf::from);
        }
        picked
    }

    fn pick_save(&mut self, kind: SaveKind, suggested_name: &str) -> Option<PathBuf> {
        let mut d = rfd::FileDialog::new().set_file_name(suggested_name);
        d = match kind {
            SaveKind::Data => d
                .set_title("Save event file")
                .add_filter("CSV", &["csv"])
                .add_filter("JSON", &["json"])
                .add_filter("Excel workbook", &["xlsx"])
                .add_filter("TSV", &["tsv"]),
            SaveKind::Png => d
                .set_title("Export picture as PNG")
                .add_filter("PNG image", &["png"]),
            SaveKind::Svg => d
                .set_title("Export picture as SVG")
                .add_filter("SVG image", &["svg"]),
            SaveKind::Template(format) => d
                .set_title(crate::tr!("firstrun-save-title"))
                .add_filter(format.filter_name(), &[format.extension()]),
        };
        if let Some(f) = &self.folder {
            d = d.set_directory(f);
        }
        let picked = d.save_file();
        if let Some(p) = &picked {
            self.folder = p.parent().map(PathBuf::from);
        }
        picked
    }
}

//! Entry point: window options, the command line, and the renderer choice.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::path::PathBuf;

use crackdown_dashboard::app::APP_NAME;
use crackdown_dashboard::logging::{self, Echo};
use crackdown_dashboard::{App, StartOptions};

const USAGE: &str = crackdown_dashboard::cli::USAGE;

/// On Windows the release build has no console of its own: when started from a terminal, its
/// output (the commands, `--help`, the panic message) goes to that terminal's console.
#[cfg(windows)]
#[allow(unsafe_code)]
fn attach_parent_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id and has no other preconditions; it fails
    // harmlessly when there is no parent console or the process already has one.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(not(windows))]
fn attach_parent_console() {}

fn main() -> std::process::ExitCode {
    attach_parent_console();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = crackdown_dashboard::cli::is_command(&args);
    let echo = if command {
        Echo::FileOnly
    } else {
        Echo::Stderr
    };
    logging::start(logging::data_dir().as_deref(), echo);
    logging::install_panic_hook();
    log::info!(
        "{APP_NAME} {} started: {}",
        env!("CARGO_PKG_VERSION"),
        if command {
            args.join(" ")
        } else {
            "window".to_owned()
        }
    );
    if command {
        let exit =
            crackdown_dashboard::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
        return std::process::ExitCode::from(exit.code());
    }
    let mut start = StartOptions {
        started: Some(std::time::Instant::now()),
        frame_stats: crackdown_dashboard::frame_stats::FrameStats::from_env_value(
            std::env::var("CRACKDOWN_FRAME_STATS").ok().as_deref(),
        ),
        background_from_clear: std::env::var_os("CRACKDOWN_PANEL_FILLS").is_none(),
        chart_pictures: std::env::var_os("CRACKDOWN_NO_CHART_PICTURES").is_none(),
        first_run_tips: true,
        ..Default::default()
    };
    let data_dir = logging::data_dir();
    if let Some(dir) = &data_dir {
        crackdown_dashboard::crash::record_panics_in(dir);
    }
    start.crash_dir = data_dir.clone();
    let mut renderer = std::env::var("CRACKDOWN_RENDERER").ok();
    let mut files = Vec::new();
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--sample") => start.sample = true,
            Some("--renderer") => renderer = args.next().and_then(|s| s.into_string().ok()),
            Some("-h" | "--help") => {
                print!("{USAGE}");
                return std::process::ExitCode::SUCCESS;
            }
            Some(s) if s.starts_with("--") => {
                eprint!("unknown option {s}\n{USAGE}");
                return std::process::ExitCode::from(2);
            }
            _ => files.push(PathBuf::from(arg)),
        }
    }
    // One document a window: the first file opens here, each other one (a file manager passes
    // all the selected files to `Exec=crackdown-dashboard %F`) in a window of its own.
    let mut files = files.into_iter();
    start.file = files.next();
    open_in_other_windows(files);
    let renderer = match renderer.as_deref() {
        Some("wgpu") => eframe::Renderer::Wgpu,
        _ => eframe::Renderer::Glow,
    };
    let icon = eframe::icon_data::from_png_bytes(include_bytes!(
        "../assets/icon/crackdown-dashboard-256.png"
    ))
    .unwrap_or_default();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(APP_NAME)
            .with_app_id("crackdown-dashboard")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([800.0, 560.0])
            .with_icon(icon)
            .with_drag_and_drop(true),
        renderer,
        // egui's shader dithers every pixel against banding in gradients; the dashboard has no
        // gradients (it changes anti-aliased edges by one or two levels of 255), and with
        // software OpenGL the noise cost a sixth of the window's CPU per frame.
        dithering: false,
        ..Default::default()
    };
    let result = eframe::run_native(
        APP_NAME,
        options,
        Box::new(move |cc| Ok(Box::new(App::new(cc, start)))),
    );
    // The window closed (it did not panic or get killed): the next start has nothing to tell.
    if let Some(dir) = &data_dir {
        crackdown_dashboard::crash::Markers::new(dir).clean_exit();
    }
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            log::error!("{APP_NAME} could not start: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Starts this program once for each file, each in a window of its own.
fn open_in_other_windows(files: impl Iterator<Item = PathBuf>) {
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    for file in files {
        if let Err(e) = std::process::Command::new(&exe).arg(&file).spawn() {
            log::error!(
                "{} could not be opened in a new window: {e}",
                file.display()
            );
        }
    }
}

//! On Windows, embeds the app icon in the .exe (what Explorer, the taskbar and the installer's
//! shortcuts show). Nothing on other targets: the window icon is loaded in `src/main.rs`.
//!
//! Also tells cargo to rebuild when a text of `assets/locales` changes: `fluent-templates` reads
//! them inside a macro, which cargo does not see.

fn main() {
    println!("cargo:rerun-if-changed=assets/icon/crackdown-dashboard.ico");
    println!("cargo:rerun-if-changed=assets/locales");
    #[cfg(windows)]
    {
        let mut res = winresource::WindowsResource::new();
        res.set_icon("assets/icon/crackdown-dashboard.ico");
        res.set("ProductName", "Mining Crackdown Dashboard");
        res.set("FileDescription", "Mining Crackdown Dashboard");
        if let Err(e) = res.compile() {
            println!("cargo:warning=the icon could not be embedded in the .exe: {e}");
        }
    }
}

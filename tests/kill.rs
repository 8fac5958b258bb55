//! Killing the process (SIGKILL) in the middle of a save never damages the file being replaced:
//! it holds either its old content or the complete new content.

use std::process::Command;
use std::time::Duration;

#[test]
#[cfg(unix)]
fn sigkill_mid_save_never_damages_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.csv");
    // Large enough that a save takes a while, so kills land mid-write.
    std::fs::write(&input, crackdown_dashboard::synth::csv(150_000, 9)).unwrap();
    let reference = dir.path().join("reference.json");
    let bin = env!("CARGO_BIN_EXE_crackdown-dashboard");
    // The binary logs into a test folder instead of the user's data folder.
    let data = std::env::temp_dir().join("crackdown-dashboard-tests");
    assert!(
        Command::new(bin)
            .env("CRACKDOWN_DATA_DIR", &data)
            .args([
                "convert",
                input.to_str().unwrap(),
                reference.to_str().unwrap()
            ])
            .status()
            .unwrap()
            .success()
    );
    let complete = std::fs::read(&reference).unwrap();

    let target = dir.path().join("target.json");
    let original =
        b"{\"events\": [{\"date\": \"2021\", \"province\": \"Hebei\", \"rigs_seized\": 1}]}\n"
            .to_vec();
    let mut killed_mid_write = 0;
    for i in 0..25u64 {
        std::fs::write(&target, &original).unwrap();
        let mut child = Command::new(bin)
            .env("CRACKDOWN_DATA_DIR", &data)
            .args(["convert", input.to_str().unwrap(), target.to_str().unwrap()])
            .spawn()
            .unwrap();
        // Spread the kills over the whole run: reading, converting, writing, renaming.
        std::thread::sleep(Duration::from_millis(40 + (i * 97) % 900));
        let finished = child.try_wait().unwrap().is_some();
        child.kill().ok(); // SIGKILL on Unix
        child.wait().unwrap();
        let now = std::fs::read(&target).unwrap();
        assert!(
            now == original || now == complete,
            "run {i}: the target holds {} bytes of something else",
            now.len()
        );
        if !finished && now == original {
            killed_mid_write += 1;
        }
        // The old or new file is always readable as events.
        assert!(
            crackdown_dashboard::io::read_path(&target).is_ok(),
            "run {i}"
        );
    }
    assert!(
        killed_mid_write > 0,
        "some kills should land before the rename"
    );
}

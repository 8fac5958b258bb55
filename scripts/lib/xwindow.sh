# Shared by the real-window scripts (smoke-window, recovery-window, e2e-window, deb-window;
# sourced, not run): an Xvfb on a free display number, and the app's window waited for, the app
# started once more when the X server refused its connection.
# The caller sets `prog` (its name, for messages) and defines `fail MESSAGE` (which exits).

# xvfb_start FIRST LAST SIZE LOG: starts Xvfb on the first free display of FIRST..LAST with a
# SIZE screen (e.g. 1440x900x24), its output appended to LOG; exports DISPLAY, sets xvfb_pid.
xvfb_start() {
    local first=$1 last=$2 size=$3 log=$4 n
    DISPLAY=""
    for n in $(seq "$first" "$last"); do
        if [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; then
            continue
        fi
        Xvfb ":$n" -screen 0 "$size" -nolisten tcp </dev/null >>"$log" 2>&1 &
        xvfb_pid=$!
        for _ in $(seq 1 50); do
            kill -0 "$xvfb_pid" 2>/dev/null || break
            if timeout 2 xdpyinfo -display ":$n" >/dev/null 2>&1; then
                DISPLAY=":$n"
                break
            fi
            sleep 0.1
        done
        [ -n "$DISPLAY" ] && break
        kill "$xvfb_pid" 2>/dev/null || true
        xvfb_pid=""
    done
    [ -n "$DISPLAY" ] || fail "no free Xvfb display in :$first..:$last"
    export DISPLAY
    echo "$prog: Xvfb on $DISPLAY"
}

# app_window LAUNCH LOG SECONDS [NAME]: calls the function LAUNCH (it starts the app in the
# background with its output in LOG and sets app_pid), then waits up to SECONDS for a visible
# window: the one named NAME when given, else one of app_pid's. Sets wid.
#
# Seen a few times on this VM inside the whole suite, never alone: Xvfb answered xdpyinfo, then
# refused the app's connection ("Failed to open connection to X server"). That is the X server,
# not the app: it is said, and the app is started once more (once).
app_window() {
    local launch=$1 log=$2 seconds=$3 name=${4:-} retried="" deadline
    "$launch"
    wid=""
    deadline=$((SECONDS + seconds))
    while [ "$SECONDS" -lt "$deadline" ]; do
        if ! kill -0 "$app_pid" 2>/dev/null && [ -z "$retried" ] &&
            grep -q "Failed to open connection to X server" "$log"; then
            retried=yes
            echo "$prog: the X server refused the app's connection; starting it once more"
            sleep 1
            "$launch"
        fi
        kill -0 "$app_pid" 2>/dev/null || fail "the app exited before showing a window"
        if [ -n "$name" ]; then
            wid="$(timeout 5 xdotool search --onlyvisible --name "$name" 2>/dev/null | head -n 1)" || true
        else
            wid="$(timeout 5 xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | head -n 1)" || true
        fi
        [ -n "$wid" ] && return 0
        sleep 0.25
    done
    fail "no visible window within $seconds s"
}

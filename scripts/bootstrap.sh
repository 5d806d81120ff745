# Sourced by the other scripts: installs the Debian packages they need (scripts/packages:
# the build's, and with "test" the tests' too), makes .venv with Python 3.11 and installs
# the pinned dependencies, only when pyproject.toml changed since the last install.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
EXTRAS="${1:-}"

"$ROOT/scripts/packages" "$([ "$EXTRAS" = test ] && echo test || echo build)"

find_python() {
    for candidate in python3.11 python3 python; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return
        fi
    done
    echo "error: Python 3.11 or newer is needed; install it (e.g. 'apt-get install python3.11') and run this again." >&2
    exit 1
}

if [ ! -x "$VENV/bin/python" ]; then
    "$(find_python)" -m venv "$VENV"
fi

stamp="$VENV/.installed${EXTRAS:+-$EXTRAS}"
fingerprint="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$fingerprint" ]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e "$ROOT${EXTRAS:+[$EXTRAS]}"
    echo "$fingerprint" > "$stamp"
fi
export PATH="$VENV/bin:$PATH"

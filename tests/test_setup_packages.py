"""scripts/packages: the Debian packages scripts/site and scripts/test install themselves.

Run with fake `dpkg-query`, `apt-get`, `sudo`, `id` and `mkdir` on a PATH that holds
nothing else (but bash, env and dirname), so nothing is installed for real; each fake
writes what it was asked to do into a log.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SCRIPT = REPO_ROOT / "scripts" / "packages"

BUILD = [
    "python3-venv",
    "libpango-1.0-0",
    "libpangoft2-1.0-0",
    "libharfbuzz0b",
    "libharfbuzz-subset0",
    "libfontconfig1",
    "fonts-liberation",
    "fonts-dejavu-core",
]
TEST_ONLY = ["chromium", "default-jre-headless", "nodejs", "npm", "poppler-utils"]

FAKES = {
    "dpkg-query": """
package="${@: -1}"
if grep -qx "$package" "$FAKE/installed"; then printf installed; else exit 1; fi
""",
    "apt-get": 'echo "$(id -u) apt-get $* DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-}" >>"$FAKE/log"',
    "mkdir": 'echo "$(id -u) mkdir $*" >>"$FAKE/log"',
    "id": 'if [ -n "${FAKE_SUDOED:-}" ]; then echo 0; else cat "$FAKE/uid"; fi',
    "sudo": """
[ "$1" = -n ] || { echo "sudo without -n: $*" >>"$FAKE/log"; exit 1; }
shift
if [ "$1" = true ]; then exit "$(cat "$FAKE/sudo")"; fi
echo "sudo -n $*" >>"$FAKE/log"
FAKE_SUDOED=1 exec "$@"
""",
}


@dataclass
class Machine:
    """A fake Debian machine: which packages are installed, who runs, what sudo allows."""

    folder: Path
    bin: Path

    def run(self, group: str, *, lang: str = "") -> subprocess.CompletedProcess[str]:
        env = {"PATH": str(self.bin), "FAKE": str(self.folder)}
        if lang:
            env["LANG"] = lang
        return subprocess.run(
            [str(SCRIPT), group], env=env, capture_output=True, text=True, check=False
        )

    def installed(self, *packages: str) -> None:
        (self.folder / "installed").write_text("".join(f"{p}\n" for p in packages))

    def user(self, uid: int, sudo: str | None) -> None:
        """`sudo` is None (no sudo), "password" (it asks for one) or "free"."""
        (self.folder / "uid").write_text(f"{uid}\n")
        (self.folder / "sudo").write_text("0\n" if sudo == "free" else "1\n")
        if sudo is None:
            (self.bin / "sudo").unlink(missing_ok=True)

    def command(self, name: str) -> None:
        """A program that came from elsewhere than Debian (a Java from a vendor, say)."""
        self._write(name, "exit 0")

    def log(self) -> list[str]:
        log = self.folder / "log"
        return log.read_text().splitlines() if log.exists() else []

    def _write(self, name: str, body: str) -> None:
        path = self.bin / name
        path.write_text(f"#!{shutil.which('bash')}\n{body.strip()}\n")
        path.chmod(0o755)


@pytest.fixture
def machine(tmp_path: Path) -> Machine:
    fake = Machine(tmp_path, tmp_path / "bin")
    fake.bin.mkdir()
    for tool in ("bash", "env", "dirname", "cat", "grep"):
        found = shutil.which(tool)
        assert found, tool
        (fake.bin / tool).symlink_to(Path(found).resolve())
    for name, body in FAKES.items():
        fake._write(name, body)
    fake.installed()
    fake.user(0, "password")
    return fake


def test_nothing_is_run_when_everything_is_installed(machine: Machine) -> None:
    machine.installed(*BUILD, *TEST_ONLY)
    machine.user(1000, "password")

    outcome = machine.run("test")

    assert (outcome.returncode, outcome.stdout, outcome.stderr) == (0, "", "")
    assert machine.log() == []


def test_root_installs_exactly_the_missing_packages_after_one_update(machine: Machine) -> None:
    machine.installed(*BUILD, "chromium", "npm", "poppler-utils")

    outcome = machine.run("test")

    assert outcome.returncode == 0, outcome.stderr
    assert machine.log() == [
        "0 mkdir -p /usr/share/man/man1",
        "0 apt-get update -qq DEBIAN_FRONTEND=",
        "0 apt-get install -y -qq --no-install-recommends default-jre-headless nodejs"
        " DEBIAN_FRONTEND=noninteractive",
    ]
    assert "default-jre-headless nodejs" in outcome.stdout


def test_the_build_asks_only_for_the_build_packages(machine: Machine) -> None:
    outcome = machine.run("build")

    assert outcome.returncode == 0, outcome.stderr
    installs = [line for line in machine.log() if " install " in line]
    assert installs == [
        "0 apt-get install -y -qq --no-install-recommends "
        + " ".join(BUILD)
        + " DEBIAN_FRONTEND=noninteractive"
    ]


def test_programs_from_elsewhere_stand_in_for_their_packages(machine: Machine) -> None:
    machine.installed(*BUILD, "chromium")
    for program in ("java", "node", "npm", "pdftotext"):
        machine.command(program)

    outcome = machine.run("test")

    assert (outcome.returncode, machine.log()) == (0, [])


def test_a_user_with_password_less_sudo_installs_through_it(machine: Machine) -> None:
    machine.installed(*BUILD, "chromium", "default-jre-headless", "nodejs", "poppler-utils")
    machine.user(1000, "free")

    outcome = machine.run("test")

    assert outcome.returncode == 0, outcome.stderr
    assert machine.log() == [
        "sudo -n mkdir -p /usr/share/man/man1",
        "0 mkdir -p /usr/share/man/man1",
        "sudo -n apt-get update -qq",
        "0 apt-get update -qq DEBIAN_FRONTEND=",
        "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq"
        " --no-install-recommends npm",
        "0 apt-get install -y -qq --no-install-recommends npm DEBIAN_FRONTEND=noninteractive",
    ]


def test_sudo_asking_for_a_password_gets_the_command_to_run(machine: Machine) -> None:
    machine.installed(*BUILD[1:], *TEST_ONLY)
    machine.user(1000, "password")

    outcome = machine.run("test")

    assert outcome.returncode == 1
    assert machine.log() == []
    assert outcome.stdout == ""
    assert outcome.stderr.splitlines()[-1] == (
        "    sudo apt-get update && sudo apt-get install -y --no-install-recommends python3-venv"
    )
    assert "python3-venv" in outcome.stderr.splitlines()[0]


def test_without_sudo_the_command_is_given_for_su(machine: Machine) -> None:
    machine.installed(*BUILD[:-1])
    machine.user(1000, None)

    outcome = machine.run("build", lang="fr_CA.UTF-8")

    assert outcome.returncode == 1
    assert machine.log() == []
    assert outcome.stderr.splitlines() == [
        "Ces paquets Debian sont manquants : fonts-dejavu-core",
        "Installez-les avec cette commande (elle demande le mot de passe d’administration),"
        " puis réessayez :",
        "    su -c 'apt-get update && apt-get install -y --no-install-recommends"
        " fonts-dejavu-core'",
    ]


def test_a_machine_without_apt_is_told_what_to_install(machine: Machine) -> None:
    for tool in ("dpkg-query", "apt-get"):
        (machine.bin / tool).unlink()

    outcome = machine.run("test")

    # Without a package database only the checks can see what is missing.
    assert outcome.returncode == 1
    assert outcome.stderr.rstrip().endswith(
        "python3-venv default-jre-headless nodejs npm poppler-utils"
    ), outcome.stderr
    assert machine.log() == []


def test_the_scripts_and_ci_use_it() -> None:
    bootstrap = (REPO_ROOT / "scripts" / "bootstrap.sh").read_text(encoding="utf-8")
    assert '"$ROOT/scripts/packages"' in bootstrap
    for script, extras in (("site", '""'), ("test", "test"), ("bench", '""')):
        text = (REPO_ROOT / "scripts" / script).read_text(encoding="utf-8")
        assert f'bootstrap.sh" {extras}' in text
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == 'exec "$(dirname "$0")/../scripts/test" "$@"'

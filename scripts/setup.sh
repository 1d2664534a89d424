#!/bin/sh
# Install the Debian packages dossier needs to build, run and test, printing
# each one it installs. Packages already present are left alone, so on a
# prepared machine this prints nothing and costs a few dpkg queries.
# Extra package names given as arguments are installed too (make memcheck
# passes valgrind).
set -eu

PKGS="build-essential pkg-config
libxml2-dev libxslt1-dev libcmark-dev libpango1.0-dev libcairo2-dev
libjson-glib-dev libqpdf-dev
fontconfig fonts-noto-cjk fonts-dejavu-core fonts-dejavu-extra
poppler-utils qpdf libxml2-utils faketime python3 time $*"

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "setup: installing Debian packages:$missing"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "setup: need root (or sudo) to install:$missing" >&2; exit 3
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "setup: done"

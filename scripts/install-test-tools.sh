#!/usr/bin/env bash
# Install the tools the end-to-end report tests need, beside the Python test extra:
#   - Debian's Chromium (driven by playwright through executable_path; never `playwright install`)
#     plus fonts, so screenshots and PDFs render text with real glyphs;
#   - the W3C Nu HTML validator (npm package vnu-jar, run with the system Java) and
#     markdownlint-cli2, into ./.tools (gitignored).
# Idempotent: when everything is present it only checks and exits within a second or two.
# Needs: Debian/Ubuntu apt (root or sudo), Java 11+, Node 18+ / npm.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '[install-test-tools] %s\n' "$*" >&2; }
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

# ---- Debian packages ----------------------------------------------------------------------
APT_PACKAGES=(chromium fonts-dejavu-core fonts-liberation fonts-noto-core)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
        missing+=("$pkg")
    fi
done
if [[ ! -x /usr/bin/chromium ]] && [[ ! " ${missing[*]-} " == *" chromium "* ]]; then
    missing+=(chromium)
fi
if ((${#missing[@]})); then
    SUDO=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null || { say "need root or sudo to apt-get install ${missing[*]}"; exit 1; }
        SUDO=(sudo)
    fi
    t=$(now)
    say "apt-get update"
    "${SUDO[@]}" apt-get update -qq
    say "apt-get update: $(took "$t")"
    t=$(now)
    say "apt-get install ${missing[*]}"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    say "apt-get install: $(took "$t")"
else
    say "apt packages present: ${APT_PACKAGES[*]}"
fi

# ---- npm tools into ./.tools --------------------------------------------------------------
TOOLS=.tools
# Pinned: a new markdownlint release can add rules (MD059 did) and turn CI red overnight.
NPM_TOOLS=(vnu-jar@26.9.27 markdownlint-cli2@0.22.1)
VNU_JAR=$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar
MDLINT=$TOOLS/node_modules/.bin/markdownlint-cli2
STAMP=$TOOLS/.installed
if [[ ! -f $VNU_JAR || ! -x $MDLINT || "$(cat "$STAMP" 2>/dev/null)" != "${NPM_TOOLS[*]}" ]]; then
    t=$(now)
    say "npm install --prefix $TOOLS ${NPM_TOOLS[*]}"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error \
        "${NPM_TOOLS[@]}" >/dev/null
    printf '%s\n' "${NPM_TOOLS[*]}" >"$STAMP"
    say "npm install: $(took "$t")"
else
    say "npm tools present in $TOOLS"
fi

# ---- check the tools really run -----------------------------------------------------------
if [[ ! -f $VNU_JAR ]]; then
    found=$(find "$TOOLS/node_modules/vnu-jar" -name 'vnu.jar' -print -quit 2>/dev/null || true)
    say "vnu.jar not at $VNU_JAR${found:+ (found $found)}"
    exit 1
fi
[[ -x $MDLINT ]] || { say "markdownlint-cli2 missing at $MDLINT"; exit 1; }
command -v java >/dev/null || { say "java not found: the Nu validator needs Java 11+"; exit 1; }
say "chromium: $(/usr/bin/chromium --version 2>/dev/null | tail -n 1)"
say "vnu:      $(java -jar "$VNU_JAR" --version 2>&1 | tail -n 1)"
say "mdlint:   $("$MDLINT" --help 2>/dev/null | head -n 1)"

#!/usr/bin/env bash
# The real-editor suites (npm run test:vscode): package the extension, then in VS Code 1.100
# (code-server + Chromium, ../shared/vscode-harness):
#   1. activation suite in an empty window (no workspaceContains event to hide a bad activation),
#   2. the integration suites in the extension host, on a scratch copy of test/fixtures/workspace,
#   3. every UI script in test/ui/ against the installed .vsix; their screenshots land in out/screenshots/,
#      and replace the README's in docs/images/ only with MVP_UPDATE_SCREENSHOTS=1 (a test run leaves the
#      repository as it was).
# Prints mocha-style "N passing" / "N failing" lines per suite; exits non-zero if anything failed.
# Expects `npm run build` to have run (the npm script does it).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$PWD"
HARNESS="$ROOT/../shared/vscode-harness"
VSIX="$ROOT/minimal-viable-prompt.vsix"
export VSH_TIMEOUT="${VSH_TIMEOUT:-300}"
failed=0

# The package script passes vsce the flags this repository needs (relative README images, no
# public repository URL, no LICENSE file at the top level), so vsce never stops to ask.
echo "== package"
if ! npm run --silent package; then
  echo "packaging failed"; exit 1
fi
ls -l "$VSIX"

echo "== harness setup"
bash "$HARNESS/setup.sh" || { echo "harness setup failed"; exit 1; }
# The production build replaced the bundles; the test bundles (out/) come from the normal build.
[ -f "$ROOT/out/test/integration/index.js" ] || node esbuild.mjs

scratch() { local d; d="$(mktemp -d)"; cp -r "$ROOT/test/fixtures/workspace" "$d/ws"; echo "$d/ws"; }

run_suite() { # run_suite NAME LOG command…
  local name="$1" log="$2"; shift 2
  echo "== $name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || { echo "$name: FAILED (exit $rc)"; failed=1; }
}

LOGS="$(mktemp -d)"
run_suite "activation (empty window)" "$LOGS/activation.log" \
  env MVP_SUITE=activation MVP_FIXTURE_WORKSPACE="$ROOT/test/fixtures/workspace" \
  bash "$HARNESS/run.sh" test "$ROOT" "$ROOT/out/test/integration/index.js"

WS="$(scratch)"
run_suite "integration (fixture workspace)" "$LOGS/integration.log" \
  bash "$HARNESS/run.sh" test "$ROOT" "$ROOT/out/test/integration/index.js" "$WS"
rm -rf "$(dirname "$WS")"

# Every UI script in test/ui/ (the editor's and the Energy panel's), each on a fresh scratch workspace.
ui_pass=0
ui_fail=0
SCREENSHOTS="$ROOT/out/screenshots"
mkdir -p "$SCREENSHOTS"
for script in "$ROOT"/test/ui/*.ui.js; do
  name="$(basename "$script" .ui.js)"
  WS="$(scratch)"
  SHOTS="$LOGS/ui-$name"
  run_suite "ui $name (installed .vsix)" "$LOGS/ui-$name.log" \
    env VSH_OUT="$SHOTS" bash "$HARNESS/run.sh" ui "$VSIX" "$WS" "$script"
  rm -rf "$(dirname "$WS")"
  ui_pass=$((ui_pass + $(grep -c '^ *PASS ' "$LOGS/ui-$name.log" || true)))
  ui_fail=$((ui_fail + $(grep -c '^ *FAIL ' "$LOGS/ui-$name.log" || true)))
  for shot in "$SHOTS"/*.png; do
    case "$(basename "$shot")" in ui-failure.png | test-final.png) ;; *) [ -f "$shot" ] && cp "$shot" "$SCREENSHOTS/" ;; esac
  done
done
echo "  ${ui_pass} passing"
echo "  ${ui_fail} failing"
echo "screenshots: $SCREENSHOTS"
if [ "${MVP_UPDATE_SCREENSHOTS:-}" = 1 ] && [ "$failed" -eq 0 ]; then
  cp "$SCREENSHOTS"/*.png "$ROOT/docs/images/" && echo "docs/images updated from them"
fi

echo "== real-editor suites: $([ "$failed" -eq 0 ] && echo PASS || echo FAIL) (mocha counts above: activation, integration, ui steps)"
if [ "$failed" -eq 0 ]; then rm -rf "$LOGS"; else echo "logs and screenshots kept in $LOGS"; fi
exit "$failed"

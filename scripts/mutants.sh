#!/usr/bin/env bash
# ./trellis mutants [WORD...]: plants each bug in server/mutants/ (one small patch each, against
# the critical rules), rebuilds incrementally, runs the server tests on SQLite and reports which
# bugs no test noticed. It works on a copy of the last commit in build/mutants/, never on your
# working tree. With WORDs, only the mutants whose file name contains one of them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/build/mutants"
TREE="$WORK/tree"
BUILD="$WORK/build"
REPORT="$WORK/report.md"
mkdir -p "$WORK"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# A fresh copy of HEAD, so a half-applied mutant can never reach the code you work on.
git -C "$ROOT" worktree remove --force "$TREE" >/dev/null 2>&1 || rm -rf "$TREE"
git -C "$ROOT" worktree prune
git -C "$ROOT" worktree add --detach "$TREE" HEAD >/dev/null
trap 'git -C "$ROOT" worktree remove --force "$TREE" >/dev/null 2>&1 || true' EXIT
# The tests read the shared HSDS examples beside the checkout, as ../shared, and validate an
# export with the web client's installed packages.
[ -e "$WORK/shared" ] || ln -s "$(cd "$ROOT/.." && pwd)/shared" "$WORK/shared"
ln -s "$ROOT/web/node_modules" "$TREE/web/node_modules"

build() {
  [ -f "$BUILD/CMakeCache.txt" ] || cmake -G Ninja -S "$TREE" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD" -j "$(nproc)" --target trellis_tests >"$WORK/build.log" 2>&1
}

say "Building the unmutated server tests (the first run builds everything)"
build || { cat "$WORK/build.log" >&2; echo "The unmutated tree does not build." >&2; exit 1; }
say "Checking the tests pass without any mutant"
TRELLIS_TEST_DB=sqlite "$BUILD/trellis_tests" --gtest_brief=1 >"$WORK/baseline.log" 2>&1 ||
  { tail -30 "$WORK/baseline.log" >&2; echo "The tests fail without any mutant: fix that first." >&2; exit 1; }

patches=()
for p in "$ROOT"/server/mutants/*.patch; do
  name="$(basename "$p" .patch)"
  if [ $# -gt 0 ]; then
    keep=0
    for w in "$@"; do [[ "$name" == *"$w"* ]] && keep=1; done
    [ "$keep" -eq 1 ] || continue
  fi
  patches+=("$p")
done

killed=0 survived=0 broken=0
{
  echo "| mutant | result | seconds |"
  echo "| --- | --- | --- |"
} >"$REPORT"
for p in "${patches[@]}"; do
  name="$(basename "$p" .patch)"
  started=$SECONDS
  if ! git -C "$TREE" apply "$p" 2>"$WORK/apply.log"; then
    result="does not apply: update the patch"; broken=$((broken + 1))
  elif ! build; then
    result="does not build: update the patch"; broken=$((broken + 1))
    git -C "$TREE" apply -R "$p"
  else
    # The first failing test is enough to call it killed.
    if TRELLIS_TEST_DB=sqlite timeout 900 "$BUILD/trellis_tests" --gtest_brief=1 --gtest_fail_fast >"$WORK/$name.log" 2>&1; then
      result="SURVIVED"; survived=$((survived + 1))
    else
      result="killed by $(grep -m1 -o '\[  FAILED  \] [A-Za-z0-9_.]*' "$WORK/$name.log" | cut -c14- || echo 'a crash')"
      killed=$((killed + 1))
    fi
    git -C "$TREE" apply -R "$p"
  fi
  printf '%-55s %s\n' "$name" "$result" >&2
  echo "| $name | $result | $((SECONDS - started)) |" >>"$REPORT"
done
build >/dev/null 2>&1 || true  # leave the copy's build unmutated for the next run

total=${#patches[@]}
{
  echo
  echo "$killed of $total killed, $survived survived, $broken broken (commit $(git -C "$TREE" rev-parse --short HEAD), $(date -u +%F))."
} >>"$REPORT"
say "$killed of $total mutants killed, $survived survived, $broken broken; the table is in ${REPORT#$ROOT/}"
[ "$survived" -eq 0 ] && [ "$broken" -eq 0 ]

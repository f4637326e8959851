#!/bin/sh
# Builds the driver runtime into OUT (default: this folder): lib/libdrillkit.a (the protocol, compiled once) and
# include/drillkit/prelude.hpp.gch (the driver's interface and common standard headers, precompiled). Every
# candidate build then compiles only the exercise's adapter and the candidate's header, with the same flags.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}
CXX=${CXX:-g++-12}
FLAGS=$(cat "$HERE/flags")
mkdir -p "$OUT/lib" "$OUT/include/drillkit"
if [ "$OUT" != "$HERE" ]; then
    cp "$HERE/flags" "$HERE/start" "$HERE/compile.py" "$OUT/"
    cp "$HERE"/include/drillkit/*.hpp "$OUT/include/drillkit/"
fi
pids=""
for unit in value json driver; do
    $CXX $FLAGS -O2 -Wall -Wextra -I"$OUT/include" -c "$HERE/src/$unit.cpp" -o "$OUT/lib/$unit.o" & pids="$pids $!"
done
$CXX $FLAGS -I"$OUT/include" -x c++-header "$OUT/include/drillkit/prelude.hpp" \
    -o "$OUT/include/drillkit/prelude.hpp.gch" & pids="$pids $!"
for pid in $pids; do wait "$pid"; done
ar rcs "$OUT/lib/libdrillkit.a" "$OUT/lib/value.o" "$OUT/lib/json.o" "$OUT/lib/driver.o"
rm -f "$OUT/lib/value.o" "$OUT/lib/json.o" "$OUT/lib/driver.o"

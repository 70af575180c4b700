# Sourced by ./stockroom-dev test and .ci/run: the local services the whole test
# suite uses, started or installed when missing and when we may.
# - PostgreSQL 15 on 127.0.0.1:5432: store tests run on it as well as SQLite.
#   A cluster that is installed but down is started; with none, tests run on
#   SQLite only (scripts/test.mjs says so).
# - Chromium for the end-to-end suite: Debian's package, never a downloaded
#   browser. Installed with apt when we are root; otherwise the suite is skipped
#   with a notice unless STOCKROOM_E2E=required.
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && command -v pg_ctlcluster >/dev/null 2>&1; then
  for _cluster in /etc/postgresql/*; do
    [ -d "$_cluster/main" ] || continue
    pg_ctlcluster --skip-systemctl-redirect "$(basename "$_cluster")" main start || true
  done
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  unset _cluster
fi
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
fi
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1 \
  && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the end-to-end tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || true
fi
if [ -z "${CHROMIUM_PATH:-}" ] && command -v chromium >/dev/null 2>&1; then
  export CHROMIUM_PATH="$(command -v chromium)"
fi

#!/usr/bin/env bash
# Runs a command against a streaming replica of the local PostgreSQL server: `bash .ci/replica.sh <command…>`.
#
# The replica is a second cluster made with `pg_basebackup -R` (a base backup plus standby.signal and the
# primary_conninfo) into a temporary directory, started with the cluster binaries of /usr/lib/postgresql/*/bin on
# REPLICA_PORT (5433), hot standby, streaming from 127.0.0.1:5432. The command runs with DATABASE_READ_URL pointing at
# it (postgres://postgres@127.0.0.1:5433/…: the tests swap in their own database's name); the replica is stopped and
# removed afterwards, whatever the command's outcome, and the command's exit code is this script's.
#
# The primary needs wal_level replica (or logical), free WAL senders and a pg_hba.conf entry that lets 127.0.0.1
# connect for replication: the script checks each and makes what is missing so, idempotently — the hba entry is added
# once (trust, like the server's other 127.0.0.1 entry here) and the configuration reloaded; a wal_level of minimal is
# raised with ALTER SYSTEM and the cluster restarted. It fails, never skips, when the replica does not come up.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 <command…>"; exit 2; }

PRIMARY_HOST=127.0.0.1
PRIMARY_PORT="${PRIMARY_PORT:-5432}"
REPLICA_PORT="${REPLICA_PORT:-5433}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$PGBIN/pg_ctl" ] || { echo "FAIL: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin"; exit 1; }
psql_primary() { psql -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -Atc "$1"; }
# the cluster's binaries refuse to run as root: run them as postgres when we are root
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# ---- the primary: wal_level, WAL senders, a replication entry for 127.0.0.1
if [ "$(psql_primary 'show wal_level')" = minimal ]; then
  echo "wal_level is minimal: setting it to replica and restarting the primary"
  psql_primary "alter system set wal_level = replica"
  psql_primary "alter system set max_wal_senders = 10"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main restart
  for _ in $(seq 1 30); do pg_isready -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -q && break; sleep 1; done
fi
[ "$(psql_primary 'show max_wal_senders')" -ge 2 ] || { echo "FAIL: max_wal_senders on the primary is below 2"; exit 1; }
if [ "$(psql_primary "select count(*) from pg_hba_file_rules where 'replication' = any(database) and (address is null or address in ('127.0.0.1', 'all', 'samehost'))")" = 0 ]; then
  HBA="$(psql_primary 'show hba_file')"
  echo "adding a replication entry for 127.0.0.1 to $HBA and reloading"
  printf '# streaming replicas on this machine (.ci/replica.sh)\nhost replication all 127.0.0.1/32 trust\n' >>"$HBA"
  psql_primary "select pg_reload_conf()" >/dev/null
  sleep 1
fi

# ---- the replica: base backup with -R, a configuration of its own, started as postgres
DIR="$(mktemp -d /tmp/fazhi-replica-XXXXXX)"
chmod 700 "$DIR"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
stop_replica() {
  as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop_replica EXIT
as_pg "$PGBIN/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -D "$DIR/data" -R -X stream -c fast
# a hot standby needs at least the primary's values of these
settings=""
for s in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
  settings+="$s = $(psql_primary "show $s")"$'\n'
done
as_pg tee "$DIR/data/postgresql.conf" >/dev/null <<EOF
# the streaming replica of .ci/replica.sh
listen_addresses = '127.0.0.1'
port = $REPLICA_PORT
unix_socket_directories = '$DIR'
hot_standby = on
hot_standby_feedback = on
shared_buffers = 32MB
fsync = off
$settings
EOF
as_pg tee "$DIR/data/pg_hba.conf" >/dev/null <<'EOF'
local all all trust
host all all 127.0.0.1/32 trust
EOF
as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/replica.log" -w -t 60 start || { cat "$DIR/replica.log"; echo "FAIL: the replica did not start"; exit 1; }
for _ in $(seq 1 30); do
  [ "$(psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -Atc 'select pg_is_in_recovery()' 2>/dev/null)" = t ] && break
  sleep 1
done
[ "$(psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -Atc 'select pg_is_in_recovery()')" = t ] || { cat "$DIR/replica.log"; echo "FAIL: 127.0.0.1:$REPLICA_PORT is not a standby"; exit 1; }
for _ in $(seq 1 30); do
  [ "$(psql_primary "select count(*) from pg_stat_replication where state = 'streaming'")" -ge 1 ] && break
  sleep 1
done
psql_primary "select 'streaming to ' || coalesce(client_addr::text, 'local') || ', replay lag ' || coalesce(replay_lag::text, '0') from pg_stat_replication where state = 'streaming'" |
  grep . || { cat "$DIR/replica.log"; echo "FAIL: the replica does not stream from the primary"; exit 1; }

export DATABASE_READ_URL="postgres://postgres@127.0.0.1:$REPLICA_PORT/postgres"
echo "DATABASE_READ_URL=$DATABASE_READ_URL"
set +e
"$@"
rc=$?
set -e
exit "$rc"

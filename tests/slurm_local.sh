#!/bin/sh
# tests/slurm_local.sh -- a throwaway single-node SLURM cluster for the tests
# (Debian 12 slurm-wlm 22.05 + munge, run as root, no systemd), from
# ../shared/notes/slurm-local.sh.
#   sh tests/slurm_local.sh start BASE   munged, slurmctld, slurmd under BASE
#   sh tests/slurm_local.sh stop BASE    stop exactly the daemons start began
# Clients need: export SLURM_CONF=BASE/etc/slurm.conf
# Needs: apt-get install --no-install-recommends slurmctld slurmd slurm-client munge
# Everything (munge key and socket, state, spool, logs, pid files) lives in
# BASE; /etc/munge and /etc/slurm are not touched.  Ports: the first free
# pair from 16817 (or $SLURM_TEST_PORT), so two clusters can coexist.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 start|stop BASE" >&2; exit 2; }
BASE=$2
NODE=$(hostname -s)
SLURM_CONF=$BASE/etc/slurm.conf
export SLURM_CONF

# A live (not zombie) process.
running() { st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) && [ "${st%% *}" != Z ]; }
alive() { [ -f "$BASE/run/$1.pid" ] && running "$(cat "$BASE/run/$1.pid")"; }

# Is TCP port $1 in use (any state, IPv4 or IPv6)?
port_used() {
  hex=$(printf ':%04X ' "$1")
  cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk '{ print $2 " " }' | grep -q "$hex"
}

free_port_pair() {
  p=${SLURM_TEST_PORT:-16817}
  while port_used "$p" || port_used $((p + 1)); do p=$((p + 2)); done
  echo "$p"
}

start() {
  rm -rf "$BASE"
  for d in etc munge state log run "spool/slurmd-$NODE"; do mkdir -p "$BASE/$d"; done
  chmod 755 "$BASE" "$BASE/munge"
  # munge: a private key and socket
  dd if=/dev/urandom of="$BASE/munge/munge.key" bs=1024 count=1 status=none
  chmod 600 "$BASE/munge/munge.key"
  munged -F --force --key-file="$BASE/munge/munge.key" \
    --socket="$BASE/munge/munge.socket" --pid-file="$BASE/munge/munged.pid" \
    --log-file="$BASE/log/munged.log" --seed-file="$BASE/munge/munged.seed" \
    >"$BASE/log/munged.out" 2>&1 &
  echo $! >"$BASE/run/munged.pid"
  i=0
  while [ ! -S "$BASE/munge/munge.socket" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
  munge -S "$BASE/munge/munge.socket" -n | unmunge -S "$BASE/munge/munge.socket" >/dev/null
  cpus=$(slurmd -C | sed -n 's/.* CPUs=\([0-9]*\).*/\1/p')
  mem=$(slurmd -C | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p')
  port=$(free_port_pair)
  cat >"$SLURM_CONF" <<EOF
ClusterName=neosimtest
SlurmctldHost=$NODE(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$BASE/munge/munge.socket
StateSaveLocation=$BASE/state
SlurmdSpoolDir=$BASE/spool/slurmd-%n
SlurmctldPidFile=$BASE/run/slurmctld.daemon.pid
SlurmdPidFile=$BASE/run/slurmd.daemon.pid
SlurmctldLogFile=$BASE/log/slurmctld.log
SlurmdLogFile=$BASE/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
PlugStackConfig=$BASE/etc/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
MailProg=/bin/true
ReturnToService=2
MinJobAge=300
InactiveLimit=0
KillWait=5
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$((mem * 9 / 10)) State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
  : >"$BASE/etc/plugstack.conf"
  # in the foreground (-D) behind '&', so $! is the daemon's own PID; -c: clean state
  slurmctld -D -c -f "$SLURM_CONF" >"$BASE/log/slurmctld.out" 2>&1 &
  echo $! >"$BASE/run/slurmctld.pid"
  slurmd -D -f "$SLURM_CONF" -N "$NODE" >"$BASE/log/slurmd.out" 2>&1 &
  echo $! >"$BASE/run/slurmd.pid"
  i=0
  while [ $i -lt 300 ]; do
    if [ "$(sinfo -h -n "$NODE" -o %t 2>/dev/null)" = idle ]; then
      echo "slurm ready (SLURM_CONF=$SLURM_CONF, ports $port, $((port + 1)))"
      return 0
    fi
    alive slurmctld && alive slurmd && alive munged || break
    sleep 0.2
    i=$((i + 1))
  done
  echo "slurm did not become ready; logs in $BASE/log:" >&2
  tail -n 5 "$BASE"/log/*.out "$BASE"/log/*.log >&2 || true
  stop
  return 1
}

# Steps still running: a live step owns a socket SPOOL/NODE_JOB.STEP.
steps_left() {
  for f in "$BASE/spool/slurmd-$NODE/${NODE}"_*; do [ -e "$f" ] && return 0; done
  return 1
}

stop() {
  grace=0
  if alive slurmctld; then
    # cancel leftover jobs, wait for their steps, then shut both daemons down
    ids=$(squeue -h -o %A 2>/dev/null || true)
    # shellcheck disable=SC2086
    [ -z "$ids" ] || scancel $ids 2>/dev/null || true
    i=0
    while [ $i -lt 150 ] && { [ -n "$(squeue -h -o %A 2>/dev/null)" ] || steps_left; }; do
      sleep 0.1
      i=$((i + 1))
    done
    if scontrol shutdown >/dev/null 2>&1; then grace=100; fi
  fi
  for d in slurmd slurmctld munged; do
    f=$BASE/run/$d.pid
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    [ "$d" != munged ] || grace=0
    i=0
    while [ $i -lt $grace ] && running "$pid"; do sleep 0.1; i=$((i + 1)); done
    if running "$pid"; then kill "$pid" 2>/dev/null || true; fi
    i=0
    while [ $i -lt 50 ] && running "$pid"; do sleep 0.1; i=$((i + 1)); done
    if running "$pid"; then
      echo "SIGKILL $d ($pid)" >&2
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$f"
  done
  echo "slurm stopped"
}

case $1 in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop BASE" >&2; exit 2 ;;
esac

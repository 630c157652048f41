# Sourced by every lab script that installs Debian packages (not run). bin/labs starts the labs in
# parallel, and apt's own locks do not queue: a second `apt-get update` fails at once on
# /var/lib/apt/lists/lock (DPkg::Lock::Timeout waits only for dpkg's lock). So every lab's apt-get
# takes this one lab-wide lock first and the labs take turns.
# shellcheck shell=bash
apt-get() { flock -w 1800 /run/lock/clusterstacks-lab-apt.lock apt-get "$@"; }

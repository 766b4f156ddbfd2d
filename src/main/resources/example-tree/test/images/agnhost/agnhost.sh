#!/bin/sh
# agnhost for Rebaser's example tree. Subcommands:
#   pause            sleep until stopped
#   arch             print the machine name (uname -m)
#   serve-hostname   print the host name
#   fetch URL        print what URL serves
#   test-webserver   print the page under /srv/www, the way a web server would send it
set -eu

command="${1:-pause}"
[ "$#" -gt 0 ] && shift

case "$command" in
	pause)
		trap 'exit 0' TERM INT
		while :; do sleep 3600 & wait $!; done
		;;
	arch)
		uname -m
		;;
	serve-hostname)
		hostname
		;;
	fetch)
		curl -fsS "$1"
		;;
	test-webserver)
		cat /srv/www/index.html
		;;
	*)
		echo "agnhost: unknown subcommand $command" >&2
		exit 2
		;;
esac

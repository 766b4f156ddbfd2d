#!/bin/sh
# Sends back every line it receives, one connection at a time, on ${PORT:-8080}.
exec socat -v "TCP-LISTEN:${PORT:-8080},reuseaddr,fork" SYSTEM:cat

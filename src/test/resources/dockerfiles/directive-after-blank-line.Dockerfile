# syntax=docker/dockerfile:1

# escape=`
FROM alpine:3.20
COPY probe.sh /usr/local/bin/

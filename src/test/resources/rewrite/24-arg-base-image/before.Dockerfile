ARG BASE=alpine:3.19
ARG VERSION=1.0

FROM ${BASE}
RUN apk add --no-cache file

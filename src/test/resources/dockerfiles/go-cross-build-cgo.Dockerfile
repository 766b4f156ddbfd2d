FROM --platform=$BUILDPLATFORM example.test/xx:1.4.0 AS xx

FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS builder
COPY --from=xx / /
RUN apk add --no-cache clang lld git
ARG TARGETPLATFORM
RUN xx-apk add --no-cache musl-dev gcc
WORKDIR /src
COPY go.* ./
RUN go mod download
COPY . .
ENV CGO_ENABLED=1
RUN xx-go build -o /usr/bin/probe ./cmd/probe && \
    xx-verify /usr/bin/probe

FROM alpine:3.20 AS runtime
RUN apk add --no-cache ca-certificates tini \
    && addgroup -S probe \
    && adduser -S -G probe -h /home/probe probe
COPY --from=builder /usr/bin/probe /usr/bin/probe
USER probe
ENV PROBE_HOME=/home/probe
ENTRYPOINT ["/sbin/tini", "--", "/usr/bin/probe"]

FROM runtime AS debug
USER root
RUN apk add --no-cache busybox-extras strace
USER probe

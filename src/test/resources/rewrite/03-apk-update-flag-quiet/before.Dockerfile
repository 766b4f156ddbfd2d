FROM alpine:3.17
RUN apk add -U --no-progress -q ca-certificates tzdata \
    && cp /usr/share/zoneinfo/UTC /etc/localtime

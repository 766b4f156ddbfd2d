FROM --platform=$BUILDPLATFORM alpine:3.20 AS src
RUN echo built > /built.txt
FROM alpine:3.20
COPY --from=src --chown=1000:1000 --link /built.txt /tmp/
COPY --chmod=0755 -- --help.sh /usr/local/bin/
RUN --mount=type=cache,target=/var/cache/apk --network=default apk add curl

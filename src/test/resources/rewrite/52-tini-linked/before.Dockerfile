FROM alpine:3.19
RUN apk add --no-cache tini \
 && ln -s /sbin/tini /usr/local/bin/tini
ENTRYPOINT ["/sbin/tini", "--"]

FROM alpine:3.19
RUN apk add --no-cache tini
RUN apk add --no-cache --virtual .deps build-base git \
 && addgroup -S svc && adduser -S -G svc svc \
 && apk del .deps \
 && rm -rf /var/cache/apk/*
ENTRYPOINT ["/sbin/tini", "--"]

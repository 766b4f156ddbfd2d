FROM alpine:3.19
RUN addgroup -g 1001 -S web \
 && adduser -u 1001 -S -D -H -G web -s /sbin/nologin web \
 && addgroup -S audit && addgroup web audit \
 && adduser -D -g 'Build User' builder \
 && adduser -DH tmpuser && deluser tmpuser \
 && delgroup audit
USER web

FROM alpine:3.19
RUN apk add --no-cache su-exec tini \
 && adduser -D -u 1000 app
COPY entrypoint.sh /usr/local/bin/
ENTRYPOINT ["/sbin/tini", "--", "/usr/local/bin/entrypoint.sh"]
CMD ["su-exec", "app", "/usr/local/bin/serve"]

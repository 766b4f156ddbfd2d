FROM alpine:3.20

LABEL maintainer="Image Maintainers <images@example.test>"

ENV NGINX_VERSION=1.27.1
ENV NJS_VERSION=0.8.5

RUN set -x \
    && addgroup -g 101 -S nginx \
    && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx \
    && apkArch="$(cat /etc/apk/arch)" \
    && case "$apkArch" in \
        x86_64|aarch64) \
            apk add --no-cache "nginx=${NGINX_VERSION}-r1" ;; \
        *) \
            apk add --no-cache --virtual .build-deps gcc libc-dev make openssl-dev pcre2-dev zlib-dev \
            && echo "building from source for $apkArch" ;; \
    esac \
    && apk add --no-cache tzdata curl ca-certificates \
    && ln -sf /dev/stdout /var/log/nginx/access.log \
    && ln -sf /dev/stderr /var/log/nginx/error.log \
    && mkdir /docker-entrypoint.d

COPY docker-entrypoint.sh /
COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d
ENTRYPOINT ["/docker-entrypoint.sh"]

EXPOSE 80

STOPSIGNAL SIGQUIT

CMD ["nginx", "-g", "daemon off;"]

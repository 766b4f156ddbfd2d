FROM alpine:3.20

ENV HTTPD_PREFIX /usr/local/apache2
ENV PATH $HTTPD_PREFIX/bin:$PATH
WORKDIR $HTTPD_PREFIX

RUN set -eux; \
    apk add --no-cache --virtual .build-deps gcc make musl-dev apr-dev apr-util-dev pcre-dev; \
    wget -O httpd.tar.bz2 "https://downloads.example.org/httpd-2.4.62.tar.bz2"; \
    mkdir -p src; tar -xf httpd.tar.bz2 -C src --strip-components=1; \
    cd src; ./configure --prefix="$HTTPD_PREFIX"; make -j "$(nproc)"; make install; \
    cd ..; rm -r src httpd.tar.bz2; \
    apk del --no-network .build-deps; \
    httpd -v

COPY httpd-foreground /usr/local/bin/
CMD ["httpd-foreground"]

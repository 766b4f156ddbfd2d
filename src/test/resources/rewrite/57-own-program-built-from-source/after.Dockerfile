FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wget ca-certificates && rm -rf /var/lib/apt/lists/*

ENV HTTPD_PREFIX /usr/local/apache2
ENV PATH $HTTPD_PREFIX/bin:$PATH
WORKDIR $HTTPD_PREFIX

RUN set -eux; \
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gcc make libapr1-dev libaprutil1-dev libpcre3-dev; \
    wget -O httpd.tar.bz2 "https://downloads.example.org/httpd-2.4.62.tar.bz2"; \
    mkdir -p src; tar -xf httpd.tar.bz2 -C src --strip-components=1; \
    cd src; ./configure --prefix="$HTTPD_PREFIX"; make -j "$(nproc)"; make install; \
    cd ..; rm -r src httpd.tar.bz2; \
    apt-mark auto gcc make libapr1-dev libaprutil1-dev libpcre3-dev && apt-get autoremove -y --purge; \
    httpd -v && rm -rf /var/lib/apt/lists/*

COPY httpd-foreground /usr/local/bin/
CMD ["httpd-foreground"]

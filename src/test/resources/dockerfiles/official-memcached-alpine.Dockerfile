FROM alpine:3.20

# add our user and group first to make sure their IDs get assigned consistently
RUN addgroup -g 11211 memcache && adduser -D -u 11211 -G memcache memcache

RUN apk add --no-cache libsasl tini

ENV MEMCACHED_VERSION 1.6.29
ENV MEMCACHED_URL https://example.test/files/memcached-1.6.29.tar.gz

RUN set -x \
	&& apk add --no-cache --virtual .build-deps \
		ca-certificates \
		cyrus-sasl-dev \
		gcc \
		libc-dev \
		libevent-dev \
		make \
		perl \
	&& wget -O memcached.tar.gz "$MEMCACHED_URL" \
	&& mkdir -p /usr/src/memcached \
	&& tar -xzf memcached.tar.gz -C /usr/src/memcached --strip-components=1 \
	&& rm memcached.tar.gz \
	&& cd /usr/src/memcached \
	&& ./configure --enable-sasl \
	&& make -j "$(nproc)" \
	&& make install \
	&& cd / && rm -rf /usr/src/memcached \
	&& apk del --no-network .build-deps \
	&& memcached -V

COPY docker-entrypoint.sh /usr/local/bin/
RUN ln -s usr/local/bin/docker-entrypoint.sh /entrypoint.sh # backwards compat
ENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]

USER memcache
EXPOSE 11211
CMD ["memcached"]

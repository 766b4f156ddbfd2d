FROM alpine:3.20

# dependencies required for running "phpize"
ENV PHPIZE_DEPS \
		autoconf \
		dpkg-dev dpkg \
		file \
		g++ \
		gcc \
		libc-dev \
		make \
		pkgconf \
		re2c

# persistent / runtime deps
RUN apk add --no-cache \
		ca-certificates \
		curl \
		openssl \
		tar \
		xz

# ensure www-data user exists; 82 is the standard uid/gid for "www-data" in Alpine
RUN set -eux; \
	adduser -u 82 -D -S -G www-data www-data

ENV PHP_INI_DIR /usr/local/etc/php
RUN set -eux; \
	mkdir -p "$PHP_INI_DIR/conf.d"; \
	[ ! -d /var/www/html ]; \
	mkdir -p /var/www/html; \
	chown www-data:www-data /var/www/html; \
	chmod 1777 /var/www/html

ENV PHP_CFLAGS="-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64"
ENV PHP_VERSION 8.3.9

COPY docker-php-source /usr/local/bin/
RUN set -eux; \
	apk add --no-cache --virtual .build-deps $PHPIZE_DEPS argon2-dev curl-dev libxml2-dev; \
	export CFLAGS="$PHP_CFLAGS"; \
	docker-php-source extract; \
	cd /usr/src/php; \
	./configure --with-config-file-path="$PHP_INI_DIR" --enable-option-checking=fatal; \
	make -j "$(nproc)"; \
	make install; \
	docker-php-source delete; \
	apk del --no-network .build-deps; \
	php --version

ENTRYPOINT ["docker-php-entrypoint"]
CMD ["php", "-a"]

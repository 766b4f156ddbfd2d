FROM alpine:3.20

RUN wget -q -O /tmp/src.tar.gz "https://downloads.example.org/src-1.0.tar.gz"
RUN set -eux; \
    apk add --no-cache --virtual .build-deps gcc make musl-dev wget; \
    wget -q -O /tmp/patch.diff "https://downloads.example.org/src-1.0.diff"; \
    apk del --no-network .build-deps

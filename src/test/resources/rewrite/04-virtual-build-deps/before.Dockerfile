FROM alpine:3.19
RUN apk add --no-cache python3 py3-pip \
 && apk add --no-cache --virtual .build-deps \
        gcc \
        musl-dev \
        linux-headers \
        python3-dev \
 && pip install --no-cache-dir psutil \
 && apk del .build-deps

FROM BASEIMAGE

ARG ARCH=amd64
ENV GOARCH=amd64

CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/

RUN apk add --no-cache wget \
 && wget -q https://example.org/releases/v1.2/etcd-v1.2-linux-BASEARCH.tar.gz \
 && tar xzf etcd-v1.2-linux-BASEARCH.tar.gz

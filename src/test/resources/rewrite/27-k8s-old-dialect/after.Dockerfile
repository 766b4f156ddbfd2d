FROM BASEIMAGE

ARG ARCH=mips64le
ENV GOARCH=mips64le

RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wget ca-certificates \
 && wget -q https://example.org/releases/v1.2/etcd-v1.2-linux-mips64le.tar.gz \
 && tar xzf etcd-v1.2-linux-mips64le.tar.gz && rm -rf /var/lib/apt/lists/*

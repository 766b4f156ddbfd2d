ARG BASEIMAGE
FROM $BASEIMAGE

CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/

ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update && apt-get install -y --no-install-recommends \
        build-essential \
        gfortran \
        wget \
    && rm -rf /var/lib/apt/lists/*

# the benchmark tarball is published per architecture
ADD https://example.test/npb/NPB3.4-BASEARCH.tar.gz /opt/
RUN cd /opt && tar xzf NPB3.4-BASEARCH.tar.gz \
    && if [ -d NPB3.4-OMP ]; then make -C NPB3.4-OMP ep CLASS=D; else echo "missing sources" && exit 1; fi

ENTRYPOINT ["/opt/NPB3.4-OMP/bin/ep.D.x"]

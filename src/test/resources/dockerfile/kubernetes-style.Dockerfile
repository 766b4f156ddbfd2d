# Copyright header, as the Kubernetes test images carry one.

ARG BASEIMAGE
ARG REGISTRY=registry.k8s.io
FROM $BASEIMAGE AS base

CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/

# Packages needed at run time.
RUN apk --update add --no-cache \
        bash \
        # a comment inside the continuation
        curl \

        ca-certificates && \
    rm -rf /var/cache/apk/*

COPY --chown=1000:1000 ["entrypoint.sh", "/"]
ENV PATH=/usr/local/bin:$PATH HOME="/home/app user"
ONBUILD RUN echo triggered
	 WORKDIR /srv  
ENTRYPOINT ["/entrypoint.sh"]

FROM BASEIMAGE

CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/

RUN apk --update add util-linux \
 && rm -rf /var/cache/apk/*
CMD ["ipcs"]

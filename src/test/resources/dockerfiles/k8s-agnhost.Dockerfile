# Multi-purpose test image for the e2e suite.

ARG BASEIMAGE
FROM $BASEIMAGE

CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/

# bind-tools gives dig and nslookup; iproute2 gives ip
RUN apk --update add bind-tools curl iproute2 iputils tcpdump && rm -rf /var/cache/apk/*

# these paths are hard-coded in the tests
RUN mkdir -p /uploads /srv/webserver && \
    echo "agnhost" > /srv/webserver/index.html

ADD porter/localhost.crt porter/localhost.key /
ADD agnhost agnhost

# needed for the entrypoint-tester subcommand
RUN ln -s agnhost agnhost-2
EXPOSE 80 8080 8081 9376
ENTRYPOINT ["/agnhost"]
CMD ["pause"]

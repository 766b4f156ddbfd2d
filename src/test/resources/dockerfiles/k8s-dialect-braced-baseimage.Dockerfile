ARG BASEIMAGE
ARG RUNNERIMAGE=example.test/runner:2.1
FROM ${BASEIMAGE} AS builder
ARG BASEARCH=amd64
RUN wget -q https://example.test/dl/tool-BASEARCH -O /usr/bin/tool \
    && chmod +x /usr/bin/tool

FROM $RUNNERIMAGE
COPY --from=builder /usr/bin/tool /usr/bin/tool
CMD ["/usr/bin/tool"]

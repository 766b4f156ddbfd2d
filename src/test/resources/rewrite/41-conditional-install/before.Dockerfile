FROM alpine:3.19
ARG WITH_DEBUG=false
RUN if [ "$WITH_DEBUG" = "true" ]; then \
      apk add --no-cache gdb strace; \
    else \
      apk add --no-cache curl; \
    fi

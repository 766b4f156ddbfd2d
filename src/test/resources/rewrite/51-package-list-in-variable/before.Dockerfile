FROM alpine:3.19
ENV BUILD_DEPS="gcc make"
COPY src /src
RUN apk add --no-cache --virtual .build-deps $BUILD_DEPS \
 && make -C /src install \
 && apk del .build-deps

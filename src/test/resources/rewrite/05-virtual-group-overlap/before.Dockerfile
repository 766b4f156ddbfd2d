FROM alpine:3.19
RUN apk add --no-cache make gcc
RUN apk add --no-cache --virtual=.build gcc g++ cmake \
 && make \
 && apk del .build

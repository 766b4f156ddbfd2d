FROM alpine:3.19 AS base
RUN apk add --no-cache bash

FROM base AS test
RUN apk add --no-cache bats
CMD ["bats", "/tests"]

FROM alpine:3.19
RUN adduser -D -x app

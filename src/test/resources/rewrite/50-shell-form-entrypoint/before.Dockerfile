FROM alpine:3.19
RUN apk add --no-cache tini su-exec
COPY app /app
ENTRYPOINT /sbin/tini -- su-exec nobody /app

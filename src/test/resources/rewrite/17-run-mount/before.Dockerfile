# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN --mount=type=cache,target=/root/.cache apk add gcc
COPY --link app /app

FROM registry.example.com/platform/alpine-base:2024.1
RUN apk add --no-cache socat

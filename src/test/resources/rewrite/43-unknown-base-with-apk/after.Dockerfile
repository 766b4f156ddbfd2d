FROM registry.example.com/platform/alpine-base:2024.1
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends socat && rm -rf /var/lib/apt/lists/*

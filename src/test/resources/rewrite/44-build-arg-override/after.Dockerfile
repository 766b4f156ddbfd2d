ARG BASE=alpine:3.19
FROM $BASE
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends bash && rm -rf /var/lib/apt/lists/*

FROM --platform=linux/arm64
RUN true

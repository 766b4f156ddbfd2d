FROM alpine:3.20
RUN echo start && \
    echo end \

# owner=platform-team
# escape=`
FROM debian:bookworm-slim
RUN echo a \
    b

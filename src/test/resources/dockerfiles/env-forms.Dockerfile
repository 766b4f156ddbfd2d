FROM debian:bookworm-slim
ENV LANG C.UTF-8
ENV APP_USER=app APP_HOME="/home/app" \
    GREETING="hello world" PATH=/opt/tools/bin:$PATH
ENV MESSAGE ${GREETING} from $APP_USER
RUN echo "$MESSAGE"

FROM busybox:1.36
# escape=`
RUN echo one \
    two
# syntax=docker/dockerfile:1
CMD ["sh"]

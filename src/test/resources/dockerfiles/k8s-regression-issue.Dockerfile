ARG BASEIMAGE
FROM $BASEIMAGE
ARG ISSUE=74839
ENV REGRESSION_ISSUE=${ISSUE}
ADD regression-issue /regression-issue
# run as an unprivileged user like the other test images
USER 65534
ENTRYPOINT ["/regression-issue", "--issue", "74839"]

FROM alpine:3.19
RUN apk add --no-cache bash && apk info -e bash && apk info > /packages.txt
RUN apk info bind-tools

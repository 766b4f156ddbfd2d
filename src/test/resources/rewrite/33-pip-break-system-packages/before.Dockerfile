FROM alpine:3.19
RUN apk add --no-cache python3 py3-pip
COPY requirements.txt /tmp/
RUN pip3 install -r /tmp/requirements.txt \
 && python3 -m pip install flask==3.0.0 redis

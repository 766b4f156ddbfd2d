FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 python3-pip ca-certificates && rm -rf /var/lib/apt/lists/*
COPY requirements.txt /tmp/
RUN pip3 install --break-system-packages -r /tmp/requirements.txt \
 && apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-redis && python3 -m pip install --break-system-packages flask==3.0.0 && rm -rf /var/lib/apt/lists/*

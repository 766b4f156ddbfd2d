FROM python:3.12-alpine
RUN sh <<'EOF'
set -eu
pip install --no-cache-dir requests==2.32.3
EOF
RUN python3 <<EOF
import sys
print(sys.version)
EOF
CMD ["python3"]

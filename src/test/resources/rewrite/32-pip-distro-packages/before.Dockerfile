FROM python:3.12-alpine
RUN pip install --no-cache-dir PyYAML requests
COPY app.py /app.py
CMD ["python3", "/app.py"]

# One image for web, worker and beat (docker-compose.yml picks the command).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
# Fonts of the MLA writer's PDFs (mla/output.py): DejaVu (Latin, Cyrillic, Arabic), Noto CJK (Chinese).
RUN apt-get update && apt-get install -y --no-install-recommends curl fonts-dejavu-core fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md ./
COPY . .
RUN pip install --no-cache-dir . \
    && SECRET_KEY=build-only-secret-key-not-used-at-runtime-0000 DEBUG=false \
       python manage.py collectstatic --noinput
RUN useradd --create-home sherloc && mkdir -p /data/media /app/var && chown -R sherloc /data /app/var
USER sherloc
EXPOSE 8000
# Workers, preload, timeouts, request-line limit: config/gunicorn.conf.py (docs/deployment.md, "Web server").
CMD ["gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"]

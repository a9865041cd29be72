# The app with its bundled model, CPU-only, as a non-root user.
#   docker build -t llm-explainer .
#   docker run -p 8501:8501 llm-explainer          # then open http://localhost:8501
FROM python:3.11-slim

ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app

# requirements.txt: PyTorch's CPU build (the default one would add several GB of CUDA libraries),
# then the project with its bundled model: the same file as the README's command and Community Cloud
COPY requirements.txt pyproject.toml README.md ./
COPY explainer ./explainer
COPY assets ./assets
RUN pip install -r requirements.txt

COPY app.py ./
COPY pages ./pages
COPY .streamlit ./.streamlit

RUN useradd --create-home --uid 10001 explainer
USER explainer

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"
CMD ["streamlit", "run", "app.py", "--server.address=0.0.0.0", "--server.port=8501", "--server.headless=true"]

"""The only package besides pages that imports streamlit: cached loaders, i18n, formatting, the shared frame."""

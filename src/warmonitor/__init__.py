"""warmonitor: turn war reports and victim lists into a sourced, reconciled casualty record."""

__version__ = "0.1.0"
EXTRACTOR_VERSION = f"warmonitor {__version__}"

__all__ = ["EXTRACTOR_VERSION", "__version__"]

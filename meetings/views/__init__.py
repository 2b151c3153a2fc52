"""The meetings app's pages, one module per part of the domain."""

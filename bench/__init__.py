"""copydesk's benchmarks: speed and quality side by side with peer extractors, in one run."""

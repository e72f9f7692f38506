"""copydesk's quality harness: suites score the extractor on the labelled sets in
``../shared/datasets``; ``python -m eval gate`` fails when a score drops below its pinned floor."""

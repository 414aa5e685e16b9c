"""The public pages added beside archive.views: directories, the cooperation network, the
countries side by side, citations and the error pages. Each module is one kind of page;
the computed-ahead figures they show come from archive.summary."""

"""The load test's visitors: readers of the site and programs reading the API, in the mix
bench/load.py describes. Paths to visit are read from the archive by load.py."""

import json
import os
import random

from locust import HttpUser, between, task

PATHS = json.loads(os.environ["LOAD_PATHS"])
PAUSE = float(os.environ.get("LOAD_PAUSE", "1"))  # seconds between a visitor's requests, on average


class Visitor(HttpUser):
    wait_time = between(PAUSE / 2, PAUSE * 1.5)

    def visit(self, kind: str, name: str) -> None:
        self.client.get(random.choice(PATHS[kind]), name=name)

    @task(3)
    def home(self):
        self.client.get("/", name="home")

    @task(4)
    def article_list(self):
        self.client.get(f"/articles/?page={random.randint(1, 50)}", name="article list")

    @task(10)
    def article(self):
        self.visit("article", "article")

    @task(4)
    def organization(self):
        self.visit("organization", "organization")

    @task(4)
    def person(self):
        self.visit("person", "person")

    @task(2)
    def event(self):
        self.visit("event", "event")

    @task(4)
    def search(self):
        self.visit("search", "search")

    @task(2)
    def static(self):
        self.client.get("/static/css/site.css", name="static file")

    @task(4)
    def api_list(self):
        self.visit("api_list", "API list")

    @task(4)
    def api_detail(self):
        self.visit("api_detail", "API detail")

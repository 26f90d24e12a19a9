# A minimal image of the assay CLI (not built in this project's CI: no Docker engine runs there).
#   docker build -t assay .
#   docker run --rm -v "$PWD:/work" assay evaluate --config assay.yaml --sarif results.sarif
FROM swift:6.1-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libxml2-dev libsqlite3-dev zlib1g-dev libisal-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN swift build -c release --product assay --static-swift-stdlib

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libxml2 libsqlite3-0 zlib1g libisal2 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/.build/release/assay /usr/local/bin/assay
COPY --from=build /src/policies /usr/local/share/assay/policies
WORKDIR /work
ENTRYPOINT ["assay"]
CMD ["--help"]

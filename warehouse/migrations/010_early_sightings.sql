-- Sightings for the names documents were loaded under before sightings were kept (migration 005).
-- `vnrok-etl reprocess` replays each document under the names it was sighted under, and only
-- those: a name with a row in article_sources (or rejections) but no sighting was never replayed,
-- so its row kept pointing at the article its document made under the older rules (retired
-- once the document makes another) and kept the older extraction version (selected again by
-- every later reprocess). Each such name gets the sighting a load would have written: that
-- load's id and time, and a position after the ones the load recorded, in name order (the order
-- a folder's files are read), so a reprocess replays it in its load's chunk.
INSERT INTO document_sightings (source_uri, content_sha256, seq, first_seen_at, load_id)
SELECT source_uri, content_sha256,
       coalesce((SELECT max(d.seq) + 1 FROM document_sightings d WHERE d.load_id = e.load_id), 0)
           + row_number() OVER (PARTITION BY load_id ORDER BY source_uri, content_sha256) - 1,
       first_seen_at, load_id
FROM (
    SELECT source_uri, content_sha256, min(first_seen_at) AS first_seen_at, arg_min(load_id, first_seen_at) AS load_id
    FROM (SELECT source_uri, content_sha256, first_seen_at, load_id FROM article_sources
          UNION ALL
          SELECT source_uri, content_sha256, rejected_at, load_id FROM rejections WHERE content_sha256 IS NOT NULL) s
    WHERE NOT EXISTS (SELECT 1 FROM document_sightings d
                      WHERE d.source_uri = s.source_uri AND d.content_sha256 = s.content_sha256)
    GROUP BY source_uri, content_sha256
) e;

-- Facts about the ingested sample corpus for web/tests/samples.mjs, read straight from the SQLite
-- database (sqlite3 DB < samples-truth.sql prints one JSON object). Spans are byte offsets into
-- documents.text, hence the substr over the text cast to a BLOB.
WITH
plain AS (SELECT * FROM events WHERE negated = 0 AND hypothetical = 0),
-- Each event's (source country, target country) pairs, as the dyad rollups count them.
event_dyads AS (
  SELECT DISTINCT substr(s.code, 1, 3) AS source_country, substr(t.code, 1, 3) AS target_country,
    s.event_rowid
  FROM event_actors s JOIN event_actors t ON t.event_rowid = s.event_rowid AND t.role = 1
  WHERE s.role = 0),
list AS (
  SELECT e.rowid AS id, e.date, e.cameo,
    (SELECT group_concat(code, ', ') FROM (SELECT code FROM event_actors WHERE event_rowid = e.rowid
       AND role = 0 ORDER BY position)) AS sources,
    (SELECT group_concat(code, ', ') FROM (SELECT code FROM event_actors WHERE event_rowid = e.rowid
       AND role = 1 ORDER BY position)) AS targets
  FROM plain e ORDER BY e.date, e.rowid LIMIT 50),
-- An event with one source and one target whose spans lie in the sentence without overlapping.
detail AS (
  SELECT e.rowid AS id, e.document_rowid AS doc, e.sentence_begin AS sb, e.sentence_end AS se,
    e.predicate_begin AS pb, e.predicate_end AS pe, s.span_begin AS srcb, s.span_end AS srce,
    t.span_begin AS tgtb, t.span_end AS tgte, e.pattern_id, e.cameo
  FROM plain e
  JOIN event_actors s ON s.event_rowid = e.rowid AND s.role = 0
  JOIN event_actors t ON t.event_rowid = e.rowid AND t.role = 1
  WHERE (SELECT count(*) FROM event_actors a WHERE a.event_rowid = e.rowid) = 2
    AND e.sentence_begin <= s.span_begin AND s.span_begin < s.span_end
    AND s.span_end <= e.predicate_begin AND e.predicate_begin < e.predicate_end
    AND e.predicate_end <= t.span_begin AND t.span_begin < t.span_end
    AND t.span_end <= e.sentence_end
  ORDER BY e.rowid LIMIT 1),
-- The dyad (by country) with the most events one way that also has events the other way; only
-- events dated to the day, so that the month bars and the period lists agree exactly.
pairs AS (
  SELECT y.source_country AS a, y.target_country AS b, count(DISTINCT e.rowid) AS n
  FROM event_dyads y JOIN plain e ON e.rowid = y.event_rowid
  WHERE length(e.date) = 10 AND y.source_country <> y.target_country
    AND y.source_country GLOB '[A-Z][A-Z][A-Z]' AND y.target_country GLOB '[A-Z][A-Z][A-Z]'
  GROUP BY 1, 2),
dyad AS (
  SELECT p.a, p.b FROM pairs p JOIN pairs q ON q.a = p.b AND q.b = p.a
  WHERE NOT EXISTS (SELECT 1 FROM event_dyads y JOIN plain e ON e.rowid = y.event_rowid
    WHERE ((y.source_country = p.a AND y.target_country = p.b) OR
           (y.source_country = p.b AND y.target_country = p.a)) AND length(e.date) <> 10)
  ORDER BY p.n DESC, p.a, p.b LIMIT 1),
dir AS (
  SELECT 'ab' AS k, e.rowid AS id, e.date, e.goldstein FROM plain e, dyad
  WHERE e.rowid IN (SELECT event_rowid FROM event_dyads WHERE source_country = dyad.a
    AND target_country = dyad.b)
  UNION ALL
  SELECT 'ba', e.rowid, e.date, e.goldstein FROM plain e, dyad
  WHERE e.rowid IN (SELECT event_rowid FROM event_dyads WHERE source_country = dyad.b
    AND target_country = dyad.a)),
months AS (SELECT substr(date, 1, 7) AS period, count(*) AS total FROM dir WHERE k = 'ab'
  GROUP BY 1 ORDER BY 1),
first_event AS (SELECT id FROM dir WHERE k = 'ab' AND substr(date, 1, 7) =
  (SELECT min(period) FROM months) ORDER BY date, id LIMIT 1)
SELECT json_object(
  'documents', (SELECT count(*) FROM documents),
  'events', (SELECT count(*) FROM events),
  'plain_events', (SELECT count(*) FROM plain),
  'list', (SELECT json_group_array(json_object('id', id, 'date', date, 'cameo', cameo,
    'sources', coalesce(sources, ''), 'targets', coalesce(targets, ''))) FROM list),
  'detail', (SELECT json_object('id', d.id, 'pattern', d.pattern_id, 'cameo', d.cameo,
    'sentence', CAST(substr(CAST(x.text AS BLOB), d.sb + 1, d.se - d.sb) AS TEXT),
    'source', CAST(substr(CAST(x.text AS BLOB), d.srcb + 1, d.srce - d.srcb) AS TEXT),
    'predicate', CAST(substr(CAST(x.text AS BLOB), d.pb + 1, d.pe - d.pb) AS TEXT),
    'target', CAST(substr(CAST(x.text AS BLOB), d.tgtb + 1, d.tgte - d.tgtb) AS TEXT))
    FROM detail d JOIN documents x ON x.rowid = d.doc),
  'dyad', (SELECT json_object('a', a, 'b', b,
    'ab_events', (SELECT count(*) FROM dir WHERE k = 'ab'),
    'ba_events', (SELECT count(*) FROM dir WHERE k = 'ba'),
    'ab_goldstein', (SELECT avg(goldstein) FROM dir WHERE k = 'ab'),
    'ba_goldstein', (SELECT avg(goldstein) FROM dir WHERE k = 'ba'),
    'ab_months', (SELECT json_group_array(json_object('period', period, 'total', total)) FROM months),
    'first_event', (SELECT json_object('id', e.rowid,
      'sentence', CAST(substr(CAST(x.text AS BLOB), e.sentence_begin + 1,
        e.sentence_end - e.sentence_begin) AS TEXT),
      'predicate', CAST(substr(CAST(x.text AS BLOB), e.predicate_begin + 1,
        e.predicate_end - e.predicate_begin) AS TEXT))
      FROM first_event f JOIN events e ON e.rowid = f.id JOIN documents x ON x.rowid = e.document_rowid))
    FROM dyad),
  'document', (SELECT json_object('id', id, 'title', title) FROM documents ORDER BY id LIMIT 1));

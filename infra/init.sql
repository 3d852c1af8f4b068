-- Run once by the postgres image on a new volume (docker-compose.yml). The schema itself is created by the
-- services' migrations at start-up; this only makes sure the database and its settings exist.
ALTER DATABASE openslate SET timezone TO 'UTC';

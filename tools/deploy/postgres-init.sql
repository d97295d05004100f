-- Run once by the postgres image on an empty volume (docker-compose.yml): the services' own
-- role, which the migrations grant to. Change the password with V2V_APP_DB_PASSWORD in
-- production (ALTER ROLE), as for the owner's.
CREATE ROLE v2v_app LOGIN PASSWORD 'v2v_app';

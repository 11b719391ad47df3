-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 1 of the Liaison database: the records. Never edit this
-- file once released; later versions change the schema in migrations of
-- their own. Links between records hold the uuid of the record linked to.

CREATE TABLE organization (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  sort_key TEXT NOT NULL DEFAULT '',
  name TEXT,
  acronym TEXT,
  kind TEXT,
  country TEXT,
  city TEXT,
  website TEXT,
  email TEXT,
  phone TEXT,
  relationship TEXT,
  conference_start TEXT,
  conference_end TEXT,
  next_action TEXT,
  next_action_date TEXT,
  tags TEXT,
  notes TEXT
);
CREATE INDEX organization_order ON organization (sort_key, id) WHERE deleted_at IS NULL;

CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  sort_key TEXT NOT NULL DEFAULT '',
  honorific TEXT,
  family_name TEXT,
  given_name TEXT,
  family_name_reading TEXT,
  given_name_reading TEXT,
  preferred_name TEXT,
  name_order TEXT,
  title TEXT,
  department TEXT,
  organization TEXT REFERENCES organization (uuid) DEFERRABLE INITIALLY DEFERRED,
  emails TEXT,
  phones TEXT,
  address TEXT,
  country TEXT,
  language TEXT,
  tags TEXT,
  notes TEXT
);
CREATE INDEX person_order ON person (sort_key, id) WHERE deleted_at IS NULL;
CREATE INDEX person_organization ON person (organization);

CREATE TABLE application (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  sort_key TEXT NOT NULL DEFAULT '',
  person TEXT REFERENCES person (uuid) DEFERRABLE INITIALLY DEFERRED,
  cohort_year INTEGER NOT NULL DEFAULT 0,
  government TEXT,
  government_level TEXT,
  jurisdiction TEXT,
  nominator TEXT REFERENCES organization (uuid) DEFERRABLE INITIALLY DEFERRED,
  status TEXT,
  decision_date TEXT,
  deadline TEXT,
  has_application_form INTEGER NOT NULL DEFAULT 0,
  has_cv INTEGER NOT NULL DEFAULT 0,
  has_photo INTEGER NOT NULL DEFAULT 0,
  has_recommendation INTEGER NOT NULL DEFAULT 0,
  has_flight_form INTEGER NOT NULL DEFAULT 0,
  host_prefecture TEXT,
  program_start TEXT,
  program_end TEXT,
  arrival_flight TEXT,
  departure_flight TEXT,
  emergency_contact TEXT,
  dietary TEXT,
  accessibility TEXT,
  tags TEXT,
  notes TEXT
);
CREATE INDEX application_order ON application (sort_key, id) WHERE deleted_at IS NULL;
CREATE INDEX application_person ON application (person);
CREATE INDEX application_cohort ON application (cohort_year, status) WHERE deleted_at IS NULL;

CREATE TABLE status_change (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  sort_key TEXT NOT NULL DEFAULT '',
  application TEXT REFERENCES application (uuid) DEFERRABLE INITIALLY DEFERRED,
  status TEXT,
  changed_on TEXT
);
CREATE INDEX status_change_application ON status_change (application);

CREATE TABLE review (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  sort_key TEXT NOT NULL DEFAULT '',
  application TEXT REFERENCES application (uuid) DEFERRABLE INITIALLY DEFERRED,
  reviewer TEXT,
  score_leadership INTEGER NOT NULL DEFAULT 0,
  score_relevance INTEGER NOT NULL DEFAULT 0,
  score_exchange INTEGER NOT NULL DEFAULT 0,
  comment TEXT
);
CREATE INDEX review_application ON review (application);

CREATE TABLE affiliation (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  sort_key TEXT NOT NULL DEFAULT '',
  prefecture TEXT,
  municipality TEXT,
  municipality_romaji TEXT,
  partner_name TEXT,
  partner_subdivision TEXT,
  level TEXT,
  kind TEXT,
  established TEXT,
  status TEXT,
  last_exchange TEXT,
  tags TEXT,
  notes TEXT
);
CREATE INDEX affiliation_order ON affiliation (sort_key, id) WHERE deleted_at IS NULL;

CREATE TABLE affiliation_contact (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  sort_key TEXT NOT NULL DEFAULT '',
  affiliation TEXT REFERENCES affiliation (uuid) DEFERRABLE INITIALLY DEFERRED,
  person TEXT REFERENCES person (uuid) DEFERRABLE INITIALLY DEFERRED,
  side TEXT,
  role TEXT
);
CREATE INDEX affiliation_contact_affiliation ON affiliation_contact (affiliation);

CREATE TABLE exchange (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  sort_key TEXT NOT NULL DEFAULT '',
  affiliation TEXT REFERENCES affiliation (uuid) DEFERRABLE INITIALLY DEFERRED,
  date TEXT,
  kind TEXT,
  description TEXT
);
CREATE INDEX exchange_affiliation ON exchange (affiliation);

CREATE TABLE seminar (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  sort_key TEXT NOT NULL DEFAULT '',
  title_en TEXT,
  title_ja TEXT,
  series_number INTEGER NOT NULL DEFAULT 0,
  start_local TEXT,
  time_zone TEXT,
  start_utc INTEGER NOT NULL DEFAULT 0,
  duration INTEGER NOT NULL DEFAULT 0,
  platform TEXT,
  join_url TEXT,
  passcode TEXT,
  status TEXT,
  recording_url TEXT,
  tags TEXT,
  notes TEXT
);
CREATE INDEX seminar_order ON seminar (sort_key, id) WHERE deleted_at IS NULL;

CREATE TABLE speaker (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  sort_key TEXT NOT NULL DEFAULT '',
  seminar TEXT REFERENCES seminar (uuid) DEFERRABLE INITIALLY DEFERRED,
  person TEXT REFERENCES person (uuid) DEFERRABLE INITIALLY DEFERRED,
  organization TEXT REFERENCES organization (uuid) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX speaker_seminar ON speaker (seminar);

CREATE TABLE registrant (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  sort_key TEXT NOT NULL DEFAULT '',
  seminar TEXT REFERENCES seminar (uuid) DEFERRABLE INITIALLY DEFERRED,
  person TEXT REFERENCES person (uuid) DEFERRABLE INITIALLY DEFERRED,
  local_government TEXT,
  status TEXT
);
CREATE INDEX registrant_seminar ON registrant (seminar);

CREATE TABLE activity (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  sort_key TEXT NOT NULL DEFAULT '',
  record TEXT,
  date TEXT,
  kind TEXT,
  text TEXT
);
CREATE INDEX activity_record ON activity (record, date);

-- What changed, when: for the sync and an audit view.
CREATE TABLE changes (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  record_type TEXT NOT NULL,
  record_uuid TEXT NOT NULL,
  action TEXT NOT NULL,
  fields TEXT NOT NULL DEFAULT ''
);
CREATE INDEX changes_record ON changes (record_uuid);
